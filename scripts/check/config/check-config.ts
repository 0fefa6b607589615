import { type Diagnostic, diagnostic, START_OF_FILE } from '../../core/diagnostic.ts';
import { DEFAULT_SETTINGS, type LintSettings } from '../../core/lint-settings.ts';
import { decodeSource } from '../../parse/decode-source.ts';
import { parseYaml } from '../../parse/parse-yaml.ts';
import { topLevelMapping } from '../../parse/top-level-mapping.ts';
import type { ConfigSource } from '../../read/read-config.ts';
import type { SchemaValidator } from '../schema/compile-schema.ts';
import { schemaDiagnostics } from '../schema/schema-diagnostics.ts';

export interface CheckedConfig {
  settings: LintSettings;
  /** What is wrong with the file: each an error, at its place in persona.config.yaml. */
  diagnostics: Diagnostic[];
}

/**
 * The library's lint settings from its config file, checked like any file of the library: encoding, YAML,
 * then the schema. An invalid file is reported, never silently ignored; the settings then keep only the parts
 * that are right (each allowed name that is a name), so one typo does not flood the report with warnings.
 */
export function checkConfig(source: ConfigSource, validate: SchemaValidator): CheckedConfig {
  if (source === null) return { settings: DEFAULT_SETTINGS, diagnostics: [] };
  const { file } = source;
  if ('refused' in source)
    return {
      settings: DEFAULT_SETTINGS,
      diagnostics: [
        source.refused === 'symlink'
          ? diagnostic(
              file,
              START_OF_FILE,
              'file/symlink',
              'The configuration is a symbolic link; the tools never follow one, so the defaults apply.',
              `Replace the link with the file itself, or delete it.`,
            )
          : diagnostic(
              file,
              START_OF_FILE,
              'file/unexpected',
              'The configuration is not a regular file, so the defaults apply.',
              `Make \`${file}\` a YAML file, or delete it.`,
            ),
      ],
    };
  const decoded = decodeSource(file, source.bytes);
  if (!decoded.ok)
    return {
      settings: DEFAULT_SETTINGS,
      // An empty file (or one of comments only) configures nothing, and is no problem.
      diagnostics: decoded.diagnostic.rule === 'file/empty' ? [] : [decoded.diagnostic],
    };
  const parsed = parseYaml(file, decoded.text);
  const diagnostics = parsed.diagnostics.filter((d) => d.rule !== 'file/empty');
  if (!parsed.doc) return { settings: DEFAULT_SETTINGS, diagnostics };
  if (parsed.value === null || parsed.value === undefined) return { settings: DEFAULT_SETTINGS, diagnostics };
  const top = topLevelMapping(
    file,
    { ...parsed, doc: parsed.doc },
    {
      subject: 'configuration',
      keys: '`privacy:`',
      hint: 'Write one `key: value` per line, starting with `privacy:`; see schemas/config.schema.json.',
    },
  );
  if ('diagnostic' in top)
    return { settings: DEFAULT_SETTINGS, diagnostics: [...diagnostics, top.diagnostic] };
  diagnostics.push(
    ...schemaDiagnostics(file, top.data, parsed.doc, parsed.lines, validate, 'The configuration'),
  );
  return { settings: settingsFrom(top.data), diagnostics };
}

/** The settings a mapping gives, taking only values of the right type (the schema reports the rest). */
function settingsFrom(data: Record<string, unknown>): LintSettings {
  const privacy = data.privacy as { allow?: unknown } | null | undefined;
  const allow = Array.isArray(privacy?.allow)
    ? privacy.allow.filter((name): name is string => typeof name === 'string' && name.trim() !== '')
    : [];
  return { privacy: { allow } };
}
