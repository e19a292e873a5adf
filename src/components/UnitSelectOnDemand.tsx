// A UnitSelect (antd's Select, about 23 kB gzip with its list) that loads when the person reaches for it:
// until then the same closed control is drawn with antd's own Select styles and class names. Pointing at it
// or focusing it fetches the Select; pressing it or typing in it also opens the list once it is there, with
// the letters typed meanwhile as its search. The dashboard's street filter: shown to the district, used by few.
import { DownOutlined } from "@ant-design/icons";
import { ConfigContext } from "antd/es/config-provider";
import useCSSVarCls from "antd/es/config-provider/hooks/useCSSVarCls";
import useSelectStyle from "antd/es/select/style";
import { useContext, useState, type ComponentProps, type CSSProperties } from "react";
import type { UnitSelect as UnitSelectType } from "./UnitSelect";

type Props = ComponentProps<typeof UnitSelectType> & { placeholder: string; "aria-label": string; style?: CSSProperties; "data-testid"?: string };

/** antd's closed, empty, searchable Select with a clear button (the markup antd 5 renders for it). */
function ClosedSelect({ placeholder, label, style, testId, onReach }: {
  placeholder: string;
  label: string;
  style?: CSSProperties;
  testId?: string;
  /** open: the person pressed it or typed (text: what they typed) */
  onReach: (open: boolean, text?: string) => void;
}) {
  const { getPrefixCls } = useContext(ConfigContext);
  const prefixCls = getPrefixCls("select");
  const rootCls = useCSSVarCls(prefixCls);
  const [wrapCSSVar, hashId, cssVarCls] = useSelectStyle(prefixCls, rootCls);
  const classes = [prefixCls, `${prefixCls}-outlined`, cssVarCls, rootCls, hashId, `${prefixCls}-single`, `${prefixCls}-allow-clear`,
    `${prefixCls}-show-arrow`, `${prefixCls}-show-search`].join(" ");
  return wrapCSSVar(
    <div className={classes} style={style} data-testid={testId} onPointerEnter={() => onReach(false)} onMouseDown={() => onReach(true)}>
      <div className={`${prefixCls}-selector`}>
        <span className={`${prefixCls}-selection-wrap`}>
          <span className={`${prefixCls}-selection-search`}>
            <input autoComplete="off" className={`${prefixCls}-selection-search-input`} role="combobox" aria-expanded={false} aria-haspopup="listbox"
              aria-autocomplete="list" aria-label={label} type="search" defaultValue="" onFocus={() => onReach(false)}
              onKeyDown={(e) => (e.key === "Enter" || e.key === " " || e.key === "ArrowDown") && onReach(true)}
              onChange={(e) => onReach(true, e.target.value)} />
          </span>
          <span className={`${prefixCls}-selection-placeholder`}>{placeholder}</span>
        </span>
      </div>
      <span className={`${prefixCls}-arrow`} unselectable="on" aria-hidden style={{ userSelect: "none" }}>
        <DownOutlined className={`${prefixCls}-suffix`} />
      </span>
    </div>,
  );
}

export function UnitSelectOnDemand({ onChange, ...props }: Props) {
  const [Select, setSelect] = useState<typeof UnitSelectType>();
  const [search, setSearch] = useState("");
  const [wanted, setWanted] = useState({ open: false, focus: false });
  const reach = (open: boolean, text?: string) => {
    const focus = open || document.activeElement?.closest(".ant-select") != null;
    setWanted((w) => ({ open: w.open || open, focus: w.focus || focus }));
    if (text !== undefined) setSearch(text);
    void import("./UnitSelect").then((m) => setSelect(() => m.UnitSelect));
  };
  if (!Select) {
    return <ClosedSelect placeholder={props.placeholder} label={props["aria-label"]} style={props.style} testId={props["data-testid"]} onReach={reach} />;
  }
  // the search is held here so that what was typed before the Select arrived is its first search
  return (
    <Select {...props} autoFocus={wanted.focus} defaultOpen={wanted.open} searchValue={search} onSearch={setSearch}
      onOpenChange={(open) => !open && setSearch("")} onChange={(v, o) => {
        setSearch("");
        onChange?.(v, o);
      }} />
  );
}
