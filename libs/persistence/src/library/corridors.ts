/**
 * SQL for the corridors of a practice's countries (a jsonb array of `{ code, role }`): every
 * distinct origin → destination pair as "PH>ES", sorted. Transit countries are not part of a pair.
 */
export const corridorsOf = (countries: string) => `coalesce(array(
  select distinct (o->>'code') || '>' || (d->>'code')
  from jsonb_array_elements(${countries}) o, jsonb_array_elements(${countries}) d
  where o->>'role' = 'origin' and d->>'role' = 'destination' and o->>'code' <> d->>'code'
  order by 1), '{}')`;
