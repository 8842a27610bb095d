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
    ["a@exa_mple..org", "may hold only letters, digits and hyphens"],
    ["a@example..org", "the domain has an empty part"],
    ["a@-example.org", 'the domain part "-example" starts or ends with a hyphen'],
    ["a@example-.org", 'the domain part "example-" starts or ends with a hyphen'],
    ["a@exa_mple.org", 'the domain part "exa_mple" may hold only letters, digits and hyphens'],
    ["a@.example.org", "the domain has an empty part"],
    ["a@example.org.", "the domain has an empty part"],
    ["a@localhost", "the domain needs a dot"],
    ["a@example.123", "the domain must end in a name"],
    [`a@${"b".repeat(MAX_LABEL + 1)}.no`, `a part of the domain is longer than ${MAX_LABEL} characters`],
    [`${"a".repeat(MAX_LOCAL + 1)}@example.org`, "the part before @ is not a valid mailbox name"],
    [".a@example.org", "the part before @ has a dot at an end or two dots in a row"],
    ["a..b@example.org", "the part before @ has a dot at an end or two dots in a row"],
    ["a b@example.org", "the part before @ is not a valid mailbox name"],
    ["a@b@example.org", "expected one @"],
    ["presse(at)example.org", "expected one @"],
    ["@example.org", "expected one @"],
  ])("%s is refused: %s", (address, expected) => {
    expect(addressProblem(address)).toContain(expected);
  });

  it("a bad domain on the list stops with file, line and column before anything is sent", async () => {
    const root = mailProject();
    replaceInFile(root, "data/distribution-list.csv", "presse@example.org", "presse@-example.org");
    expect(await failure(run(root, {}, { dryRun: true }))).toBe(
      'data/distribution-list.csv:7:2: expected an e-mail address such as navn@kommune.no: the domain part "-example" starts or ends with a hyphen i kolonnen «address», men der står «presse@-example.org»',
    );
  });
});
