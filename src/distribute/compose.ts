import type { SendMailOptions } from "nodemailer";
import { formatNumber } from "../format/norwegian.js";
import { MIME } from "./attachments.js";
import type { DistributionInputs } from "./load.js";
import type { MessageView } from "./mailTemplates.js";
import type { PlannedDelivery } from "./plan.js";

/** Stage 3: one recipient's message, rendered from the mail templates. */
export function composeMessage(delivery: PlannedDelivery, inputs: DistributionInputs, from: string): SendMailOptions {
  const { recipient, files } = delivery;
  const view: MessageView = {
    name: recipient.name,
    title: inputs.report.title,
    subtitle: inputs.report.subtitle,
    organisation: inputs.report.organisation,
    chapters: inputs.report.chapters,
    headlines: inputs.headlines,
    files: files.map((f) => ({ name: f.name, size: megabytes(f.size) })),
  };
  return {
    from,
    to: { name: recipient.name, address: recipient.address },
    subject: inputs.templates.subject(view),
    text: inputs.templates.text(view),
    html: inputs.templates.html(view),
    attachments: files.map((f) => ({ filename: f.name, path: f.path, contentType: MIME[f.format] })),
  };
}

/** The sender: MAIL_FROM, or the organisation at a placeholder address. */
export function senderOf(env: NodeJS.ProcessEnv, inputs: DistributionInputs): string {
  return env.MAIL_FROM ?? `"${inputs.report.organisation}" <kostra-rapport@example.org>`;
}

export function megabytes(bytes: number): string {
  return `${formatNumber(bytes / 1024 / 1024, 1)}\u00a0MB`;
}
