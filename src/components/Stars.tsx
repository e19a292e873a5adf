// A star level as glyphs (★★★☆☆) in a colour readable on white (≥ 4.5:1), named for screen readers.
import { useTranslate, useTranslation } from "@refinedev/core";
import type { CSSProperties } from "react";
import { stars } from "../domain/stars";
import { STAR_COLOR } from "../theme";


export function Stars({ level, style }: { level: number; style?: CSSProperties }) {
  const translate = useTranslate();
  const name = level > 0 ? translate("dashboard.starLabel", { n: level }) : translate("dashboard.noStar");
  return (
    <span style={{ color: STAR_COLOR, whiteSpace: "nowrap", ...style }} role="img" aria-label={name} title={name}>
      {stars(level)}
    </span>
  );
}

/** A star level's name: the district's own (star_levels.name, in Chinese) in Chinese, "3-star volunteer" in English. */
export function useStarName(): (level: number, districtName?: string) => string {
  const translate = useTranslate();
  const { getLocale } = useTranslation();
  return (level, districtName) => {
    if (districtName && getLocale() !== "en") return districtName;
    const numeral = translate("lists.numerals").split(",")[level] ?? String(level);
    return level > 0 ? translate("lists.starVolunteer", { numeral }) : translate("stars.level0");
  };
}
