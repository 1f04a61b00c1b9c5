// The policy schema Chrome reads (public/managed_schema.json, storage.managed_schema in the manifest) and
// the README's example policies: the schema names exactly the fields the background reads, and both
// examples are valid against it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { MANAGED_FIELDS } from '@/utils/background/managed-settings';

const ROOT = join(__dirname, '../../..');
const schema = JSON.parse(readFileSync(join(ROOT, 'public/managed_schema.json'), 'utf8'));
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const policies = [...readme.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1]!)).filter((p) => JSON.stringify(p).includes('3rdparty'));

describe('the managed settings schema', () => {
  it('is an object of the six string fields the background reads', () => {
    expect(schema.type).toBe('object');
    expect(Object.keys(schema.properties).sort()).toEqual([...MANAGED_FIELDS].sort());
    for (const field of MANAGED_FIELDS) expect(schema.properties[field].type).toBe('string');
  });

  it('accepts the README’s Chrome and Firefox examples, and refuses a number', () => {
    expect(policies).toHaveLength(2);
    const [chrome, firefox] = policies;
    const validate = new Ajv().compile(schema);
    const chromeValues = Object.values(chrome['3rdparty'].extensions)[0];
    const firefoxValues = firefox.policies['3rdparty'].Extensions['hoory-sidebar@hoory.com'];
    expect(validate(chromeValues), JSON.stringify(validate.errors)).toBe(true);
    expect(validate(firefoxValues), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ installationUrl: 42 })).toBe(false);
  });

  it('is declared in the Chrome manifest only (Firefox takes policies.json)', () => {
    const config = readFileSync(join(ROOT, 'wxt.config.ts'), 'utf8');
    expect(config).toMatch(/\.\.\.\(firefox \? \{\} : \{ storage: \{ managed_schema: 'managed_schema\.json' \} \}\)/);
  });
});
