import { describe, expect, it } from "vitest";
import { addressProblem, MAX_LABEL, MAX_LOCAL } from "../../src/distribute/address.js";
import { replaceInFile } from "../helpers/edit.js";
import { failure, mailProject, run } from "./mailProject.js";

describe("e-mail addresses on the distribution list (issue 10.24)", () => {
  it.each([
    "ordforer@example.org",
    "gruppeleder.a@example.org",
    "post+rapport@kommune.no",
    "a@b.no",
    "ola@bærum.kommune.no",
    "x@xn--brum-roa.no",
    "x@sub-domain.example.org",
    `${"a".repeat(MAX_LOCAL)}@example.org`,
    `a@${"b".repeat(MAX_LABEL)}.no`,
  ])("%s is accepted", (address) => {
    expect(addressProblem(address)).toBeUndefined();
  });

  it.each([
    ["a@exa_mple..org", "distribute.addressLabelChars", "domenedelen «exa_mple» kan bare ha bokstaver, sifre og bindestrek"],
    ["a@example..org", "distribute.addressEmptyLabel", "domenet har en tom del"],
    ["a@-example.org", "distribute.addressLabelHyphen", "domenedelen «-example» begynner eller slutter med bindestrek"],
    ["a@example-.org", "distribute.addressLabelHyphen", "domenedelen «example-» begynner eller slutter med bindestrek"],
    ["a@exa_mple.org", "distribute.addressLabelChars", "domenedelen «exa_mple» kan bare ha bokstaver, sifre og bindestrek"],
    ["a@.example.org", "distribute.addressEmptyLabel", "domenet har en tom del"],
    ["a@example.org.", "distribute.addressEmptyLabel", "domenet har en tom del"],
    ["a@localhost", "distribute.addressDomainDot", "domenet trenger et punktum"],
    ["a@example.123", "distribute.addressNumericTld", "domenet må slutte på et navn"],
    [`a@${"b".repeat(MAX_LABEL + 1)}.no`, "distribute.addressLabelLength", `en del av domenet er lengre enn ${MAX_LABEL} tegn`],
    [`${"a".repeat(MAX_LOCAL + 1)}@example.org`, "distribute.addressLocalPart", "delen før @ er ikke et gyldig postkassenavn"],
    [".a@example.org", "distribute.addressLocalDots", "delen før @ har punktum først eller sist, eller to punktum etter hverandre"],
    ["a..b@example.org", "distribute.addressLocalDots", "delen før @ har punktum først eller sist, eller to punktum etter hverandre"],
    ["a b@example.org", "distribute.addressLocalPart", "delen før @ er ikke et gyldig postkassenavn"],
    ["a@b@example.org", "distribute.addressOneAt", "nøyaktig én @"],
    ["presse(at)example.org", "distribute.addressOneAt", "nøyaktig én @"],
    ["@example.org", "distribute.addressOneAt", "nøyaktig én @"],
  ])("%s is refused: %s", (address, id, expected) => {
    expect(addressProblem(address)?.id).toBe(id);
    expect(addressProblem(address)?.text).toContain(expected);
  });

  it("a bad domain on the list stops with file, line and column before anything is sent", async () => {
    const root = mailProject();
    replaceInFile(root, "data/distribution-list.csv", "presse@example.org", "presse@-example.org");
    const message = await failure(run(root, {}, { dryRun: true }));
    expect(message.startsWith("data/distribution-list.csv:7:2: ugyldig e-postadresse (skriv den som navn@kommune.no): domenedelen «-example» begynner eller slutter med bindestrek")).toBe(true);
    expect(message).toContain("«presse@-example.org»");
  });
});
