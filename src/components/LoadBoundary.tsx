// What a person sees when code fetched on demand (a page, the phone's menu, a dialog) cannot be fetched: a moment
// without signal, or an app updated since the page was opened (the old file names are gone). Without it React
// unmounts the whole app and leaves a white screen. The message says what happened in plain words and offers to
// try again (the next render fetches anew: components/preloadable.ts) or to reload the page.
import { Alert, Button } from "antd";
import { Component, type ErrorInfo, type ReactNode } from "react";
import { t } from "../providers/i18n";
import { retryFailedLoads } from "./preloadable";

interface Props {
  children: ReactNode;
  /** a new key (the page's path) clears a failure: going elsewhere tries again */
  resetKey?: string;
  /** a small notice in place of a dialog or menu, instead of a page-sized one */
  inline?: boolean;
}

export class LoadBoundary extends Component<Props, { failed: boolean; key?: string }> {
  state: { failed: boolean; key?: string } = { failed: false, key: this.props.resetKey };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  static getDerivedStateFromProps(props: Props, state: { failed: boolean; key?: string }) {
    return props.resetKey === state.key ? null : { failed: false, key: props.resetKey };
  }

  componentDidCatch(error: unknown, info: ErrorInfo) {
    console.warn("could not load a part of the app", error, info.componentStack);
  }

  render() {
    if (!this.state.failed) return this.props.children;
    return (
      <div role="alert" style={this.props.inline ? { margin: "8px 0" } : { padding: 24 }} data-testid="load-failed">
        <Alert type="warning" showIcon message={t("frame.loadFailed")} action={
          <div style={{ display: "flex", flexDirection: "column", gap: 8 }}>
            <Button size="large" type="primary" onClick={() => {
              retryFailedLoads();
              this.setState({ failed: false });
            }}>{t("frame.loadRetry")}</Button>
            {!this.props.inline && <Button size="large" onClick={() => window.location.reload()}>{t("frame.loadReload")}</Button>}
          </div>
        } />
      </div>
    );
  }
}
