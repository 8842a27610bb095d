import { join, relative } from "node:path";
import { loadInputs, type ProjectPaths } from "../pipeline.js";
import { findAttachments, type Attachment } from "./attachments.js";
import { renderHeadlines } from "./headlines.js";
import { loadMessageTemplates, type MessageTemplates } from "./mailTemplates.js";
import { loadRecipients, type Recipient } from "./recipients.js";
import { SentLog } from "./sentLog.js";

/** Everything a distribution run reads, loaded and checked before anyone is contacted. */
export interface DistributionInputs {
  readonly year: number;
  readonly outputDir: string;
  readonly report: {
    readonly title: string;
    readonly subtitle: string;
    readonly organisation: string;
    readonly chapters: readonly string[];
  };
  readonly headlines: readonly string[];
  readonly recipients: readonly Recipient[];
  readonly attachments: readonly Attachment[];
  readonly templates: MessageTemplates;
  readonly sentLog: SentLog;
  /** sent-log.jsonl relative to the project, for messages. */
  readonly sentLogPath: string;
}

/** Stage 1: the report's inputs and headlines, the distribution list, the generated files, the mail templates, the sent-log. */
export async function loadDistribution(paths: ProjectPaths, year: number, document?: string): Promise<DistributionInputs> {
  const inputs = await loadInputs(paths, year, { log: () => {}, now: () => 0 }, document);
  const listFile = join(paths.dataDir, "distribution-list.csv");
  const recipients = loadRecipients(listFile, relative(paths.root, listFile));
  const attachments = findAttachments(paths, year, recipients, document);
  const templates = loadMessageTemplates(paths.templateDir, paths.root);
  const headlines = renderHeadlines(inputs, paths.root);
  const outputDir = join(paths.outputDir, String(year));
  const sentLogFile = join(outputDir, "sent-log.jsonl");
  const { definition } = inputs;
  return {
    year,
    outputDir,
    report: {
      title: definition.title,
      subtitle: definition.subtitle ?? "",
      organisation: definition.organisation,
      chapters: definition.chapters.map((c) => c.title),
    },
    headlines,
    recipients,
    attachments,
    templates,
    sentLog: new SentLog(sentLogFile),
    sentLogPath: relative(paths.root, sentLogFile),
  };
}
