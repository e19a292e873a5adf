// Refine's notifications through antd's App context (the frame's theme and language apply). Written here
// instead of taken from @refinedev/antd so that the sign-in page does not load that package's list,
// form and layout components (one module: importing one export bundles all the app uses of it).
import type { NotificationProvider } from "@refinedev/core";
import { App, Button } from "antd";
import { useMemo } from "react";
import { t } from "./i18n";

export function useNotificationProvider(): NotificationProvider {
  const { notification } = App.useApp();
  return useMemo(
    () => ({
      open: ({ key, message, description, type, cancelMutation, undoableTimeout }) => {
        if (type === "progress") {
          // An undoable mutation: the message and 撤销 until it runs.
          notification.open({
            key,
            message: t("notifications.undoable", { seconds: undoableTimeout ?? 5 }),
            description: message,
            duration: undoableTimeout ?? 5,
            btn: <Button onClick={() => { cancelMutation?.(); notification.destroy(key ?? ""); }}>{t("buttons.undo")}</Button>,
          });
          return;
        }
        // as @refinedev/antd does: the short description as the title, the message as the body
        notification.open({ key, message: description ?? null, description: message, type });
      },
      close: (key) => notification.destroy(key),
    }),
    [notification],
  );
}
