// Form keys to params the way Rails (Rack::QueryParser#normalize_params) nests them:
// `a=1`, `a[b]=1` (object), `a[]=1` (array of scalars), `a[][k]=1&a[][j]=2` (array of objects: a key already
// present in the last object starts a new one). Conflicting shapes (`a=1&a[b]=2`) are a 400, as in Rack.
import { badRequest, isObject } from './http';

type Params = Record<string, unknown>;

export function parseForm(form: URLSearchParams): Params {
  const out: Params = {};
  for (const [key, value] of form) normalize(out, key, value);
  return out;
}

function normalize(params: Params, name: string, v: unknown): Params {
  const m = /^[[\]]*([^[\]]+)\]*/.exec(name);
  const k = m?.[1] ?? '';
  const after = m ? name.slice(m[0].length) : '';
  if (!k) return params;
  if (after === '') params[k] = v;
  else if (after === '[') params[name] = v;
  else if (after === '[]') arrayAt(params, k).push(v);
  else {
    const md = /^\[\]\[([^[\]]+)\]$/.exec(after) ?? /^\[\](.+)$/.exec(after);
    if (md) {
      const child = md[1];
      const list = arrayAt(params, k);
      const last = list.at(-1);
      if (isObject(last) && !hasKey(last, child)) normalize(last, child, v);
      else list.push(normalize({}, child, v));
    } else {
      params[k] ??= {};
      if (!isObject(params[k])) throw badRequest();
      params[k] = normalize(params[k] as Params, after, v);
    }
  }
  return params;
}

function arrayAt(params: Params, k: string): unknown[] {
  params[k] ??= [];
  if (!Array.isArray(params[k])) throw badRequest();
  return params[k] as unknown[];
}

/** Rack's params_hash_has_key?: whether the nested key path already exists. */
function hasKey(hash: Params, key: string): boolean {
  if (key.includes('[]')) return false;
  let node: unknown = hash;
  for (const part of key.split(/[[\]]+/).filter(Boolean)) {
    if (!isObject(node) || !(part in node)) return false;
    node = node[part];
  }
  return true;
}
