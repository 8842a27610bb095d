import { describe, expect, it } from "vitest";
import {
  formatKroner, formatNumber, formatPercent, formatPercentWords, formatPercentagePoints, formatSigned, formatValue, joinNorwegian,
} from "../../src/format/norwegian.js";

const nb = (text: string) => text.replace(/ /g, "\u00a0");

describe("Norwegian number formatting", () => {
  it("groups thousands with a non-breaking space, four-digit numbers too", () => {
    expect(formatNumber(109384)).toBe(nb("109 384"));
    expect(formatNumber(5809)).toBe(nb("5 809"));
    expect(formatNumber(1234567)).toBe(nb("1 234 567"));
    expect(formatNumber(999)).toBe("999");
  });

  it("uses a decimal comma and rounds to the given decimals", () => {
    expect(formatNumber(13.9, 1)).toBe("13,9");
    expect(formatNumber(0.2426, 4)).toBe("0,2426");
    expect(formatNumber(109.33767, 1)).toBe("109,3");
    expect(formatNumber(143, 1)).toBe("143,0");
  });

  it("writes negatives with the true minus sign and never shows −0", () => {
    expect(formatNumber(-1959)).toBe(nb("\u22121 959"));
    expect(formatNumber(-0.04, 1)).toBe("0,0");
  });

  it("puts a non-breaking space before % and kr", () => {
    expect(formatPercent(4.9)).toBe(nb("4,9 %"));
    expect(formatKroner(136522)).toBe(nb("136 522 kr"));
    expect(formatPercentWords(6.9)).toBe(nb("6,9 prosent"));
    expect(formatPercentagePoints(-5.1)).toBe(nb("\u22125,1 prosentpoeng"));
  });

  it("signs changes and marks missing values with SSB's ..", () => {
    expect(formatSigned(0.7)).toBe("+0,7");
    expect(formatSigned(-0.9)).toBe("\u22120,9");
    expect(formatValue(undefined, "prosent", 1)).toBe("..");
    expect(formatValue(Number.NaN, "kr", 0)).toBe("..");
    expect(formatValue(93.3, "prosent", 1)).toBe(nb("93,3 %"));
  });

  it("joins lists the Norwegian way", () => {
    expect(joinNorwegian(["Bærum", "Asker", "ASSS"])).toBe("Bærum, Asker og ASSS");
    expect(joinNorwegian(["Bærum"])).toBe("Bærum");
  });
});
