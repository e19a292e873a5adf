-- Stock moves relative to what is there, under the reward's row lock, as redeem_reward and
-- reverse_redemption move it. Writing rewards.stock directly (an absolute number read a moment ago) lost
-- the redemptions made in between, so the column is no longer updatable through the API (migration
-- 20261129000900); the organisation department restocks or writes off with this function instead.
-- Fails with 42501 (not the organisation department), 22023 (zero change) or 23514 hint
-- reward_out_of_stock (the stock would fall below zero).
create or replace function public.adjust_reward_stock(p_reward_id bigint, p_delta integer) returns integer
language plpgsql security definer set search_path = '' as $$
declare
  v_stock integer;
begin
  if auth.uid() is null or not private.is_org_admin() then
    raise exception 'only the organisation department changes the stock' using errcode = '42501';
  end if;
  if p_delta is null or p_delta = 0 then
    raise exception 'the stock change must not be zero' using errcode = '22023', hint = 'reward_stock_delta';
  end if;
  select stock into v_stock from public.rewards where id = p_reward_id for update;
  if v_stock is null then
    raise exception 'reward % not found', p_reward_id using errcode = '42501';
  end if;
  if v_stock + p_delta < 0 then
    raise exception 'out of stock: % left', v_stock using errcode = '23514', hint = 'reward_out_of_stock';
  end if;
  update public.rewards set stock = stock + p_delta where id = p_reward_id returning stock into v_stock;
  return v_stock;
end $$;
revoke execute on function public.adjust_reward_stock(bigint, integer) from public, anon;
grant execute on function public.adjust_reward_stock(bigint, integer) to authenticated;
