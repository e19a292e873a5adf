// Print-ready certificates (证书): a volunteer's star level, or a project's or team's star rating.
// Printed with the browser (A4, or saved as PDF); the app frame is hidden in print.
import { PrinterOutlined } from "@ant-design/icons";
import { useOne, useTranslate } from "@refinedev/core";
import { Alert, Button, Skeleton, Space, Typography } from "antd";
import { districtNow } from "../providers/dayjs";
import { useNavigate, useParams } from "react-router";
import type { StarAward } from "../types/app";
import { useStarName } from "../components/Stars";

interface Honour {
  id: number;
  round_name: string;
  subject_kind: "project" | "team";
  subject_name: string;
  star_level: number;
  certificate_no: string;
  awarded_at: string;
}

export default function CertificatePage() {
  const translate = useTranslate();
  const navigate = useNavigate();
  const { kind, id } = useParams();
  const starName = useStarName();
  // 三 in Chinese, 3 in English
  const numeral = (n: number) => translate("lists.numerals").split(",")[n] ?? String(n);
  const star = useOne<StarAward>({ resource: "star_awards", id: id!, meta: { select: "*, volunteers(name)" }, queryOptions: { enabled: kind === "star" } });
  const rating = useOne<Honour>({ resource: "rating_honours", id: id!, queryOptions: { enabled: kind === "rating" } });
  const loading = kind === "star" ? star.query.isLoading : rating.query.isLoading;
  if (loading) return <Skeleton active />;

  let title = "";
  let body = "";
  let no: string | null | undefined;
  let date: string | null | undefined;
  if (kind === "star" && star.result) {
    const a = star.result;
    title = translate("certificate.starTitle");
    body = translate("certificate.starBody", {
      name: a.volunteers?.name ?? "", hours: a.hours_at_certificate ?? a.hours_at_eligibility, level: starName(a.level),
    });
    no = a.certificate_no;
    date = a.confirmed_at;
  } else if (kind === "rating" && rating.result) {
    const r = rating.result;
    title = translate("certificate.ratingTitle");
    body = translate("certificate.ratingBody", {
      subject: r.subject_name, round: r.round_name, stars: numeral(r.star_level), kind: translate(`ratings.kinds.${r.subject_kind}`),
    });
    no = r.certificate_no;
    date = r.awarded_at;
  }
  if (!no) return <Alert type="warning" showIcon message={translate("errors.noRows")} />;

  return (
    <div>
      <Space className="no-print" style={{ marginBottom: 16 }} wrap>
        <Button onClick={() => navigate(-1)}>{translate("certificate.back")}</Button>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>{translate("stars.print")}</Button>
        <Typography.Text type="secondary">{translate("certificate.printHint")}</Typography.Text>
      </Space>
      <div data-testid="certificate" style={{
        maxWidth: 760, margin: "0 auto", background: "#fffdf6", padding: "clamp(20px, 7vw, 56px) clamp(14px, 8vw, 64px)", border: "clamp(6px, 2vw, 12px) double #c0392b",
        fontFamily: "'Noto Serif CJK SC', 'Songti SC', serif", textAlign: "center",
      }}>
        <h1 style={{ fontSize: "clamp(24px, 7vw, 40px)", fontWeight: "normal", color: "#c0392b", letterSpacing: "clamp(2px, 1.5vw, 12px)", margin: "0 0 clamp(20px, 5vw, 40px)", overflowWrap: "anywhere" }}>{title}</h1>
        <div style={{ fontSize: "clamp(17px, 4.6vw, 22px)", lineHeight: 2.2, whiteSpace: "pre-line", textAlign: "left", minHeight: 200, overflowWrap: "anywhere" }}>{body}</div>
        <div style={{ marginTop: "clamp(24px, 6vw, 48px)", textAlign: "right", fontSize: "clamp(15px, 4vw, 18px)", lineHeight: 2 }}>
          <div>{translate("certificate.issuer")}</div>
          <div>{translate("certificate.date")}：{districtNow(date).format(translate("lists.longDate"))}</div>
        </div>
        <div style={{ marginTop: 32, textAlign: "left", fontSize: 14, color: "#555" }}>{translate("certificate.no")}：{no}</div>
      </div>
    </div>
  );
}
