import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { msg } from "../../src/messages/catalogue.js";
import { isMessage, type Message } from "../../src/messages/message.js";

// Words that give an English sentence away; none is also a Norwegian word.
const ENGLISH = /\b(the|is|are|was|expected|missing|unknown|not|cannot|could|should|must|found|invalid|error|warning|file|line|column|please|run|with|without|which|has|have|does|did you mean|only|value|values|year|years|region|indicator)\b/i;

/** An argument that reads as "X" wherever a template puts it: text, number, list or object. */
function placeholder(): unknown {
  const target = Object.assign(() => "X", { toString: () => "X" });
  return new Proxy(target, {
    get: (t, key) => {
      if (key === Symbol.toPrimitive) return () => "X";
      if (key === Symbol.iterator) return function* () { yield "X"; };
      if (key === "length" || key === "size") return 1;
      if (key === "join") return () => "X";
      if (key === "map" || key === "filter" || key === "slice") return () => ["X"];
      if (key === "toString" || key === "toFixed" || key === "toLowerCase" || key === "trim") return () => "X";
      return Reflect.get(t, key) ?? "X";
    },
  });
}

function everyMessage(): Message[] {
  return Object.values(msg).flatMap((area) =>
    Object.values(area as Record<string, (...args: unknown[]) => Message>).map((make) => make(...Array.from({ length: 6 }, placeholder))),
  );
}

describe("the message catalogue", () => {
  const messages = everyMessage();

  it("holds messages with ids of the form area.key", () => {
    expect(messages.length).toBeGreaterThan(0);
    for (const message of messages) {
      expect(isMessage(message)).toBe(true);
      expect(message.id).toMatch(/^[a-zA-Z]+\.[a-zA-Z0-9]+$/);
    }
    expect(new Set(messages.map((m) => m.id)).size).toBe(messages.length);
  });

  it("is Norwegian: no text or hint reads as English", () => {
    const english = messages.flatMap((m) => // String(): a template may hand an argument (here a placeholder) straight through as its hint.
      [String(m.text), String(m.hint ?? "")].filter((text) => ENGLISH.test(text.replace(/--[a-z-]+|npm run [a-z-]+|\S+\.(md|csv|yaml|json|pdf|docx|html)\b/g, ""))).map((text) => `${m.id}: ${text}`));
    expect(english).toEqual([]);
  });

  it("the English test recognises English", () => {
    expect(ENGLISH.test("unknown indicator X")).toBe(true);
    expect(ENGLISH.test("ukjent indikator X")).toBe(false);
  });
});

describe("no user-facing text is written inline", () => {
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path) : path.endsWith(".ts") ? [path] : [];
    });

  it("every ReportError is made from a catalogue message", () => {
    const inline = files("src").flatMap((file) =>
      readFileSync(file, "utf8")
        .split("\n")
        .flatMap((line, i) => (/new ReportError\(\s*[`"']/.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(inline).toEqual([]);
  });
});
