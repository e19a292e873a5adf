// Stands in for antd's modal hook inside antd's App (vite.config.ts: SHIMS). App builds `modal` for
// App.useApp() next to `message` and `notification`, which brought the confirm dialog (Modal, rc-dialog: about
// 7 kB gzip) to every signed-in page; no page here opens one that way (pages render <Modal> themselves). The
// same API: the first call loads antd's own hook, whose holder then mounts where App put this one; calls made
// meanwhile wait for it, and their instances (destroy, update, then) reach the real dialog once it exists.
import type { HookAPI } from "antd/es/modal/useModal";
import { lazy, Suspense, useEffect, useState, type ReactElement } from "react";

type Instance = ReturnType<HookAPI["confirm"]>;
type Config = Parameters<HookAPI["confirm"]>[0];

const RealHolder = lazy(() => import("antd/es/modal/useModal").then(({ default: useRealModal }) => ({
  default: function RealModalHolder({ onApi }: { onApi: (api: HookAPI) => void }) {
    const [api, holder] = useRealModal();
    useEffect(() => onApi(api), [api, onApi]);
    return holder;
  },
})));

/** The hook's API over a real one that arrives later: calls wait for it, then go to it directly. */
function lazyApi(want: () => void) {
  let real: HookAPI | undefined;
  const waiting: ((api: HookAPI) => void)[] = [];
  const method = (name: keyof HookAPI) => (config: Config): Instance => {
    if (real) return real[name](config);
    const instance = new Promise<Instance>((resolve) => waiting.push((a) => resolve(a[name](config))));
    want();
    return {
      destroy: () => void instance.then((i) => i.destroy()),
      update: (next) => void instance.then((i) => i.update(next)),
      then: (resolve, reject) => instance.then((i) => i.then(resolve, reject)),
    } as Instance;
  };
  return {
    api: { info: method("info"), success: method("success"), error: method("error"), warning: method("warning"), confirm: method("confirm") } as HookAPI,
    arrived: (api: HookAPI) => {
      real = api;
      for (const run of waiting.splice(0)) run(api);
    },
  };
}

export default function useModal(): readonly [HookAPI, ReactElement] {
  const [wanted, setWanted] = useState(false);
  const [{ api, arrived }] = useState(() => lazyApi(() => setWanted(true)));
  const holder = <Suspense key="modal-holder" fallback={null}>{wanted && <RealHolder onApi={arrived} />}</Suspense>;
  return [api, holder] as const;
}
