// The one dayjs set-up: Chinese by default, following the UI locale; and the one district day.
// "Today" is the district's day (Asia/Shanghai), whatever time zone the browser runs in, as in SQL
// (private.district_today()): a leader abroad or a laptop set to UTC records for the district's date.
import dayjs from "dayjs";
import "dayjs/locale/zh-cn";
import timezone from "dayjs/plugin/timezone";
import utc from "dayjs/plugin/utc";
import { getLocale, onLocaleChange } from "./i18n";

dayjs.extend(utc);
dayjs.extend(timezone);

const toDayjs = (l: string) => (l === "en" ? "en" : "zh-cn");
dayjs.locale(toDayjs(getLocale()));
onLocaleChange((l) => dayjs.locale(toDayjs(l)));

/** The district's time zone: named here and nowhere else in the app. */
export const DISTRICT_TIME_ZONE = "Asia/Shanghai";

/** The current moment on the district's clock. */
export function districtNow(at: dayjs.ConfigType = undefined): dayjs.Dayjs {
  return dayjs(at).tz(DISTRICT_TIME_ZONE);
}

/** The district's calendar date, YYYY-MM-DD (what the database stores as a date). */
export function districtDate(at: dayjs.ConfigType = undefined): string {
  return districtNow(at).format("YYYY-MM-DD");
}

/** The district's today as a plain date value for pickers and comparisons with picker cells
 *  (midnight of that calendar date, so `d.isAfter(districtToday(), "day")` compares calendar days). */
export function districtToday(at: dayjs.ConfigType = undefined): dayjs.Dayjs {
  return dayjs(districtDate(at));
}


/** The moment a district calendar day (YYYY-MM-DD) begins, as an ISO timestamp for timestamptz filters. */
export function districtDayStart(day: string): string {
  return dayjs.tz(day, DISTRICT_TIME_ZONE).toISOString();
}

export default dayjs;
