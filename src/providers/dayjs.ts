// The one dayjs set-up: Chinese by default, following the UI locale.
import dayjs from "dayjs";
import "dayjs/locale/zh-cn";
import { getLocale, onLocaleChange } from "./i18n";

const toDayjs = (l: string) => (l === "en" ? "en" : "zh-cn");
dayjs.locale(toDayjs(getLocale()));
onLocaleChange((l) => dayjs.locale(toDayjs(l)));

export default dayjs;
