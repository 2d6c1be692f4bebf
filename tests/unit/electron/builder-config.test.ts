// The packaging configuration cannot be exercised here (electron-builder downloads Electron):
// it is checked against electron-builder's own JSON schema, with its own validator, and for
// what the issue asks of it.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const root = new URL('../../../', import.meta.url);
const at = (p: string) => new URL(p, root).pathname;
// electron-builder's own dependencies (a devDependency of the project): its YAML parser, ajv and validator.
const builderRequire = createRequire(at('node_modules/app-builder-lib/package.json'));
const yaml = builderRequire('js-yaml') as { load(text: string): unknown };
const Ajv = (builderRequire('ajv') as { default: new (o: object) => { compile(s: object): ((d: unknown) => boolean) & { errors?: unknown } } }).default;
const { validateConfiguration } = builderRequire('./out/util/config/config.js') as { validateConfiguration(c: unknown, log: object): Promise<void> };

interface Config {
  appId: string;
  productName: string;
  directories: { app: string; buildResources: string; output: string };
  files: string[];
  asar: boolean;
  electronFuses: Record<string, boolean>;
  fileAssociations: { ext: string; mimeType?: string; name?: string }[];
  linux: { target: string[]; icon: string; mimeTypes: string[] };
  win: { target: string[]; icon: string };
  nsis: { installerIcon: string };
  mac: { target: string[]; icon: string; fileAssociations: { ext: string; rank?: string }[] };
}

const config = yaml.load(readFileSync(at('build/electron-builder.yml'), 'utf8')) as Config;

describe('electron-builder configuration', () => {
  it('is valid against electron-builder’s schema (scheme.json)', async () => {
    const schema = JSON.parse(readFileSync(at('node_modules/app-builder-lib/scheme.json'), 'utf8')) as object;
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    expect(validate(config), JSON.stringify(validate.errors, null, 2)).toBe(true);
    // And with the validator electron-builder itself runs before packaging.
    await expect(validateConfiguration(config, { isEnabled: false, add() {} })).resolves.toBeUndefined();
  });

  it('names the app, and packages the staged app from dist/app with build resources in build/', () => {
    expect(config.appId).toBe('org.argumentatlas.desktop');
    expect(config.productName).toBe('Argument Atlas');
    expect(config.directories).toEqual({ app: 'dist/app', buildResources: 'build', output: 'release' });
    expect(config.asar).toBe(true);
    expect(config.files).toContain('!**/*.map');
    // The main process sets the same id for Windows taskbar grouping.
    expect(readFileSync(at('electron/main/main.ts'), 'utf8')).toContain(`'${config.appId}'`);
  });

  it('turns the fuses to their safe positions', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('builds AppImage and deb, NSIS, and dmg', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
  });

  it('associates .argmap.json with a MIME type', () => {
    const assoc = config.fileAssociations.find((a) => a.ext === 'argmap.json');
    expect(assoc?.mimeType).toBe('application/vnd.argument-atlas.argmap+json');
    expect(config.linux.mimeTypes).toContain(assoc?.mimeType);
    expect(config.mac.fileAssociations.find((a) => a.ext === 'argmap.json')?.rank).toBe('Owner');
    // Plain JSON is offered under Open With on macOS, never taken over.
    expect(config.mac.fileAssociations.find((a) => a.ext === 'json')?.rank).toBe('Alternate');
  });

  it('has the icons each platform needs, at their sizes', () => {
    for (const size of [16, 24, 32, 48, 64, 128, 256, 512, 1024]) {
      const png = readFileSync(at(`${config.linux.icon}/${size}x${size}.png`));
      expect(png.subarray(1, 4).toString(), `${size}`).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)], `${size}`).toEqual([size, size]);
    }
    const mac = readFileSync(at(config.mac.icon));
    expect([mac.readUInt32BE(16), mac.readUInt32BE(20)]).toEqual([1024, 1024]);
    // The .ico: a directory of 16…256, the small ones as BMP, 256 as PNG.
    const ico = readFileSync(at(config.win.icon));
    expect(ico.readUInt16LE(2)).toBe(1);
    const count = ico.readUInt16LE(4);
    const sizes = Array.from({ length: count }, (_, i) => ico.readUInt8(6 + i * 16) || 256);
    expect(sizes).toEqual([16, 24, 32, 48, 64, 128, 256]);
    for (let i = 0; i < count; i++) {
      const length = ico.readUInt32LE(6 + i * 16 + 8);
      const offset = ico.readUInt32LE(6 + i * 16 + 12);
      expect(offset + length).toBeLessThanOrEqual(ico.length);
      const magic = ico.subarray(offset, offset + 4);
      expect(sizes[i]! <= 48 ? magic.readUInt32LE(0) : magic.subarray(1, 4).toString()).toBe(sizes[i]! <= 48 ? 40 : 'PNG');
    }
    expect(config.nsis.installerIcon).toBe(config.win.icon);
    expect(existsSync(at('build/icon.svg'))).toBe(true);
    // Small enough to commit.
    expect(statSync(at('build/icon.ico')).size).toBeLessThan(200_000);
  });
});
