import js from "@eslint/js";
import tseslint from "typescript-eslint";

/**
 * Layers, one way: the stage order of the style guide. Data flows
 * forward through these stages; a module may import from its own stage and
 * from earlier ones, never from a later one or from a sibling on its row.
 * Written with ESLint's own `no-restricted-imports`, one override per folder,
 * so `npm run lint` fails on a back-arrow.
 */
const STAGES = [
  ["config"],
  ["data"],
  // Commands' workers that write data/: they read config and data, nothing built from them.
  ["import", "newYear"],
  ["indicators"],
  ["narrative", "charts"],
  // Built from the loaded inputs: the document model (with the exhibit kinds' registry), then side by side the
  // checks, which read what each kind shows, and the comparison with a build record.
  ["model"],
  ["check", "changes"],
  // The renderers never import each other (see RENDERERS).
  ["render"],
  ["output"],
  // The orchestrator: only it knows the order of the stages above.
  ["pipeline.ts"],
  // They run a build (pipeline) and act on its outputs.
  ["distribute", "preview"],
  ["cli"],
];
const RENDERERS = ["html", "pdf", "docx"];
/** The PDF is Chromium's print of the HTML, so pdf/ may use html/; nothing else crosses between renderers. */
const RENDERER_USES = { pdf: ["html"] };

// The document model's types (and pure walkers over them), a leaf every stage may import.
const SHARED_TYPES = "src/types/**";

/** Leaves: usable by every stage, they import only other leaves. */
const LEAVES = [
  "src/errors.ts",
  "src/format/**",
  "src/messages/**",
  "src/assets/**",
  // File primitives every stage that writes may use; the output stage proper is writeSet.ts.
  "src/output/atomicWrite.ts",
  "src/output/cacheEntries.ts",
  "src/output/interrupt.ts",
  // The all-or-nothing write of a set of files, which the build effects hand to every stage.
  "src/output/writeSet.ts",
  "src/output/outputErrors.ts",
  // Reads a text file with a located error; config and data both read files with it.
  "src/data/readText.ts",
  SHARED_TYPES,
];

/**
 * Back-arrows the code still has, each allowed for its one file only until it
 * is moved. Keep this list short; a new entry needs a reason.
 */
const KNOWN_BACK_ARROWS = [
  // checkDefinitionAgainstData(definition, data) checks the definition against the data: it belongs with the data
  // stage (src/data/ may import config), then this entry goes.
  { file: "src/config/loadDefinition.ts", stage: "config", imports: ["src/data/dataset.ts", "src/model/exhibits/registry.ts"] },
  // An exhibit kind is one module across the stages (its schema, checks and builder together, issue 20): the
  // definition's schema and names are read from the kinds' registry, which config alone may reach back to.
  { file: "src/config/definitionSchema.ts", stage: "config", imports: ["src/model/exhibits/registry.ts"] },
];

/** "model" → the import paths that reach src/model/; "pipeline.ts" → those that reach src/pipeline.ts. */
const reaching = (stage) => (stage.endsWith(".ts") ? `**/${stage.replace(/\.ts$/, ".js")}` : `**/${stage}/**/*.js`);
/** A source path as a negated pattern (src/output/atomicWrite.ts → not output/atomicWrite.js), so it stays importable inside a forbidden folder. */
const allowing = (path) => `!**/${path.replace(/^src\//, "").replace(/\.ts$/, ".js")}`;

function restrict(forbidden, message, allowed = []) {
  return {
    "no-restricted-imports": ["error", { patterns: [{ group: [...forbidden.map(reaching), ...[...LEAVES, ...allowed].map(allowing)], message }] }],
  };
}

const ALL = STAGES.flat();
const filesOf = (stage) => (stage.endsWith(".ts") ? [`src/${stage}`] : [`src/${stage}/**/*.ts`]);

/** What a stage may not import: its siblings on the same row and every later row. */
function laterThan(stage) {
  const rank = STAGES.findIndex((row) => row.includes(stage));
  const later = [...STAGES[rank].filter((other) => other !== stage), ...STAGES.slice(rank + 1).flat()];
  const message = `${stage} may import only from earlier stages (${STAGES.slice(0, rank).flat().join(", ") || "none"}) and the leaves; move the code to the layer that owns it.`;
  return { later, message };
}

const layerRules = [
  ...ALL.map((stage) => {
    const { later, message } = laterThan(stage);
    return { files: filesOf(stage), rules: restrict(later, message) };
  }),
  ...RENDERERS.map((renderer) => {
    const { later, message } = laterThan("render");
    return {
      files: [`src/render/${renderer}/**/*.ts`],
      rules: restrict(
        [...later, ...RENDERERS.filter((other) => other !== renderer && !(RENDERER_USES[renderer] ?? []).includes(other))],
        `the renderers never import each other (only pdf prints html's page): ${renderer} reads the document model. ${message}`,
      ),
    };
  }),
  ...KNOWN_BACK_ARROWS.map(({ file, stage, imports }) => {
    const { later, message } = laterThan(stage);
    return { files: [file], rules: restrict(later, message, imports) };
  }),
];

export default tseslint.config(
  { ignores: ["node_modules/", "output/", "coverage/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      eqeqeq: ["error", "smart"],
    },
  },
  ...layerRules,
  // Last, so a leaf inside a stage's folder (output/atomicWrite.ts) gets these rules rather than its folder's.
  { files: LEAVES.map((leaf) => (leaf.endsWith("**") ? `${leaf}/*.ts` : leaf)), rules: restrict(ALL, "a leaf (errors, format, messages, assets, file primitives, the model's types) imports only other leaves.") },
  {
    // `import()` is invisible to no-restricted-imports: below the top, modules are imported statically so the rule sees every arrow.
    files: ["src/**/*.ts"],
    ignores: ["src/cli/**", "src/pipeline.ts"],
    rules: {
      // A module of the same folder may be loaded late (a renderer's heavy libraries): it is in the same layer.
      "no-restricted-syntax": ["error", { selector: "ImportExpression[source.value=/^\\.\\./]", message: "load a module of another folder lazily only from cli/ or pipeline.ts; elsewhere import it statically so the layer rule can check it." }],
    },
  },
);
