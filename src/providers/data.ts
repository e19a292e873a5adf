// @refinedev/supabase's data provider with two additions: every refusal becomes one clear message
// in the user's language, and an update or delete that touched no row (RLS hides the row, or it is
// gone) is reported instead of passing as success; `custom` answers RPC reads (url = function name,
// payload or query = its arguments) for Refine's useCustom (see useRpcQuery in rpc.ts).
import type { BaseRecord, CustomParams, DataProvider, HttpError, UpdateManyParams } from "@refinedev/core";
import { dataProvider as supabaseDataProvider } from "@refinedev/supabase";
import { errorKey, NO_ROWS, type BackendError } from "../domain/errors";
import { t } from "./i18n";
import type { RpcName } from "./rpc";
import { supabaseClient } from "./supabase";

/** The one refusal → message mapping, in the user's language; pages call it for direct supabase calls. */
export function errorMessage(e: unknown): string {
  const err = (e ?? {}) as BackendError;
  return t(errorKey(err), { message: err.message ?? String(e) });
}

export function toHttpError(e: unknown): HttpError {
  const err = (e ?? {}) as BackendError & { statusCode?: number };
  return {
    message: errorMessage(e),
    statusCode: Number.parseInt(String(err.code ?? ""), 10) || err.statusCode || 400,
    errors: {},
    code: err.code,
  } as HttpError;
}

const base = supabaseDataProvider(supabaseClient) as unknown as Required<DataProvider>;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function guarded<F extends (...a: any[]) => Promise<unknown>>(fn: F): F {
  return (async (...a: Parameters<F>) => {
    try {
      return await fn(...a);
    } catch (e) {
      throw toHttpError(e);
    }
  }) as F;
}

export const dataProvider: DataProvider = {
  ...base,
  getList: guarded(base.getList),
  getMany: guarded(base.getMany) as DataProvider["getMany"],
  getOne: guarded(base.getOne),
  create: guarded(base.create),
  update: guarded((async (params: Parameters<typeof base.update>[0]) => {
    const r = await base.update(params);
    if (!r.data) throw { code: NO_ROWS };
    return r;
  }) as typeof base.update),
  // one statement for all ids (the base sends one request per id, and a failure half-way leaves the
  // rest written); the rows the caller could change come back, so the caller sees any it could not
  updateMany: guarded(async ({ resource, ids, variables, meta }: UpdateManyParams<unknown>) => {
    const { data, error } = await supabaseClient.from(resource as "volunteers").update(variables as never)
      .in(meta?.idColumnName ?? "id", ids.map(String)).select(meta?.select ?? "*");
    if (error) throw error;
    return { data: (data ?? []) as BaseRecord[] };
  }) as DataProvider["updateMany"],
  deleteOne: guarded((async ({ resource, id }: Parameters<typeof base.deleteOne>[0]) => {
    // resource names come from Refine's routes at run time: the generated table names cannot be checked here
    const { data, error } = await supabaseClient.from(resource as "volunteers").delete().eq("id", String(id)).select();
    if (error) throw error;
    if (!data?.length) throw { code: NO_ROWS };
    return { data: data[0] };
  }) as typeof base.deleteOne),
  custom: guarded(async ({ url, payload, query }: CustomParams) => {
    const args = (payload ?? query ?? {}) as Record<string, unknown>;
    const { data, error } = await supabaseClient.rpc(url as RpcName, args as never);
    if (error) throw error;
    return { data: (data ?? []) as BaseRecord };
  }) as DataProvider["custom"],
};
