// Voucher files through the Storage API with supabase-js (issue 9), as the app uses it: the grantee uploads
// into a paid tranche's folder of its own grant and files the voucher row; finance of the scope signs a URL and
// downloads it; the grantee, another leader, a street admin and anon cannot read it; nobody but the grantee
// writes into the folder, and nobody overwrites or removes the file.
import { describe, expect, it } from "vitest";
import { grantWith, line, paid } from "./funds-helpers";
import { as } from "./helpers";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

describe("voucher files through the Storage API", () => {
  it("upload by the grantee, read by finance and the organisation department, refused to everyone else", async () => {
    const { lineId } = await line(1_000_000);
    const { grantId, tranches: [t, unpaid] } = await grantWith(lineId, 100_000, [[50_000, "approved"], [50_000, "scheduled"]]);
    await paid(t);
    const path = `${grantId}/${t}/${crypto.randomUUID()}.pdf`;
    const leader = await as("leader");
    const up = await leader.storage.from("vouchers").upload(path, PDF, { contentType: "application/pdf" });
    expect(up.error).toBeNull();
    const { error: rowError } = await leader.rpc("add_voucher", { p_tranche_id: t, p_object_path: path, p_file_name: "发票.pdf",
      p_mime: "application/pdf", p_size_bytes: PDF.length, p_amount_fen: 10_000, p_issued_on: "2026-06-10" });
    expect(rowError).toBeNull();
    // not into an unpaid tranche, not by anyone else
    expect((await leader.storage.from("vouchers").upload(`${grantId}/${unpaid}/${crypto.randomUUID()}.pdf`, PDF, { contentType: "application/pdf" })).error).not.toBeNull();
    for (const actor of ["leader2", "leader3", "street", "finance", "org"] as const) {
      const { error } = await (await as(actor)).storage.from("vouchers").upload(`${grantId}/${t}/${crypto.randomUUID()}.pdf`, PDF, { contentType: "application/pdf" });
      expect(error, actor).not.toBeNull();
    }
    // finance of the scope and the organisation department read it
    for (const actor of ["finance", "finance2", "org", "org2"] as const) {
      const sb = await as(actor);
      const { data, error } = await sb.storage.from("vouchers").download(path);
      expect(error, actor).toBeNull();
      expect(Buffer.from(await data!.arrayBuffer()).equals(PDF), actor).toBe(true);
      const signed = await sb.storage.from("vouchers").createSignedUrl(path, 60);
      expect(signed.error, actor).toBeNull();
    }
    // nobody else, and no one overwrites or removes it
    for (const actor of ["leader", "leader2", "street", "street2", "anon"] as const) {
      const sb = await as(actor);
      expect((await sb.storage.from("vouchers").download(path)).error, actor).not.toBeNull();
      expect((await sb.storage.from("vouchers").createSignedUrl(path, 60)).error, actor).not.toBeNull();
    }
    for (const actor of ["leader", "finance", "org"] as const) {
      const sb = await as(actor);
      expect((await sb.storage.from("vouchers").upload(path, PDF, { contentType: "application/pdf", upsert: true })).error, actor).not.toBeNull();
      await sb.storage.from("vouchers").remove([path]);
    }
    const still = await (await as("finance")).storage.from("vouchers").download(path);
    expect(still.error).toBeNull();
  });

  it("the bucket refuses other file types", async () => {
    const { lineId } = await line(1_000_000);
    const { grantId, tranches: [t] } = await grantWith(lineId, 100_000, [[50_000, "approved"]]);
    await paid(t);
    const { error } = await (await as("leader")).storage.from("vouchers").upload(`${grantId}/${t}/${crypto.randomUUID()}.txt`, "hello", { contentType: "text/plain" });
    expect(error).not.toBeNull();
  });
});
