import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { defaultProductTypesDir, ProductTypeRegistry } from '../../../../main/amazon/simulator/product-types';

const sourceDir = defaultProductTypesDir();

describe('defaultProductTypesDir', () => {
  it('finds the folder beside the simulator sources', () => {
    expect(sourceDir.replace(/\/$/, '').endsWith(join('main', 'amazon', 'simulator', 'product-types'))).toBe(true);
  });

  it('finds it from a bundle at out/main/index.js by walking up to the app root', () => {
    const appRoot = sourceDir.replace(/\/?main\/amazon\/simulator\/product-types\/?$/, '');
    const bundled = pathToFileURL(join(appRoot, 'out', 'main', 'index.js')).href;
    expect(defaultProductTypesDir(bundled)).toBe(join(appRoot, 'main', 'amazon', 'simulator', 'product-types'));
  });
});

describe('ProductTypeRegistry', () => {
  it('lists the authored schemas and describes one with checksum and display names', () => {
    const registry = new ProductTypeRegistry(sourceDir);
    expect(registry.list()).toContain('SHOES');
    const shoes = registry.get('SHOES');
    const bytes = readFileSync(join(sourceDir, 'SHOES.schema.json'));
    expect(shoes?.checksum).toBe(createHash('md5').update(bytes).digest('base64'));
    expect(ProductTypeRegistry.displayNameFor(shoes!, 'pt_BR')).toBe('Calçados');
    expect(ProductTypeRegistry.displayNameFor(shoes!, 'en_US')).toBe('Shoes');
    expect(shoes?.version).toMatch(/^U[0-9a-f]{8}-/);
  });

  it('knows nothing of a missing folder', () => {
    const registry = new ProductTypeRegistry('/nonexistent/folder');
    expect(registry.list()).toEqual([]);
    expect(registry.get('SHOES')).toBeUndefined();
  });
});
