import packageJson from '../../package.json' with { type: 'json' };

/** The tools' version, from package.json: bundled into dist/ at build time, so the bundle needs no package.json. */
export const TOOL_VERSION: string = packageJson.version;
