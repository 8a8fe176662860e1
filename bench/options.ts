/** `--name value` on a benchmark's command line, or undefined when it is absent. */
export function stringOption(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : undefined;
}

/** `--name N` on a benchmark's command line, or `fallback` when it is absent. */
export function numberOption(name: string, fallback: number): number {
  const value = stringOption(name);
  return value === undefined ? fallback : Number(value);
}
