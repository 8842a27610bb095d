import type { SendMailOptions } from "nodemailer";
import { formatNumber } from "../format/norwegian.js";
import { MIME } from "./attachments.js";
import type { DistributionInputs } from "./load.js";
import type { MessageView } from "./mailTemplates.js";
import type { PlannedDelivery } from "./plan.js";
import { displayName, type Mailbox } from "./sender.js";

/**
 * Stage 3: one recipient's message, rendered from the mail templates. Sender
 * and recipient are address objects, so nodemailer quotes or encodes their
 * names; the attachments are the bytes stage 1 read and hashed.
 */
export function composeMessage(delivery: PlannedDelivery, inputs: DistributionInputs, from: Mailbox): SendMailOptions {
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
    from: { name: from.name, address: from.address },
    to: { name: displayName(recipient.name), address: recipient.address },
    subject: inputs.templates.subject(view),
    text: inputs.templates.text(view),
    html: inputs.templates.html(view),
    attachments: files.map((f) => ({ filename: f.name, content: f.content, contentType: MIME[f.format] })),
  };
}

export function megabytes(bytes: number): string {
  return `${formatNumber(bytes / 1024 / 1024, 1)}\u00a0MB`;
}
