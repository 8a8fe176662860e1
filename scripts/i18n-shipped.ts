/**
 * Which strings each loader ships (issue 9 item 5, issue 13 item 2; decision 049): a page sends
 * only its language and the strings its routes use. Reads the source, never the build:
 *
 *   npm run i18n:shipped            writes app/i18n/shipped.generated.ts
 *   npm run i18n:shipped -- --check fails (exit 1) if that file is not what the source gives
 *
 * A route uses the keys written in its module and in every app module it imports, directly or not
 * (components, domain, utils, server code alike): exact keys (`'setup.title'`), templates
 * (`setup.kind.${kind}` is every key it can match) and prefixes (`'setup.done.'` + …). A key is
 * served, for a route, by the nearest route of its chain (itself, then its parent, up to the root)
 * whose loader sends a namespace holding it (`messagesFor(request, ['judging'])`,
 * `organiserPage(request, params, [...])`, `messagesIn(lang, [...])`): a parent's strings stay
 * there while the browser moves between its children, so what a parent ships serves every child.
 * The table maps each list of namespaces a loader writes to the keys it serves to any route;
 * `messagesIn` ships only those (a list absent from the table ships whole).
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { keysOfNamespace, NAMESPACES, type Namespace } from '../app/i18n/messages.server';
import type { ShippedRoute } from '../app/i18n/shipped.server';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const APP = path.join(ROOT, 'app');
export const GENERATED = path.join(APP, 'i18n', 'shipped-keys.server.ts');
/** The functions whose array-of-namespaces argument is what a loader sends. */
const SENDERS = new Set(['messagesFor', 'messagesIn', 'organiserPage']);

interface Module {
  imports: string[];
  exact: Set<string>;
  patterns: RegExp[];
  /** Lists of namespaces this module's loader sends (route modules only). */
  lists: Namespace[][];
}

const ALL_KEYS = [...new Set(NAMESPACES.flatMap((ns) => keysOfNamespace(ns)))].sort();
const KEY_SET = new Set(ALL_KEYS);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function resolve(from: string, spec: string): string | undefined {
  let base: string;
  if (spec.startsWith('~/')) base = path.join(APP, spec.slice(2));
  else if (spec.startsWith('.')) base = path.resolve(path.dirname(from), spec);
  else return undefined;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')]) {
    if (/\.tsx?$/.test(candidate) && fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

/** The dictionaries and the lookup define keys, they do not use them. */
const isI18n = (file: string) => path.dirname(file) === path.join(APP, 'i18n');

const modules = new Map<string, Module>();

export function read(file: string): Module {
  const known = modules.get(file);
  if (known) return known;
  const module: Module = { imports: [], exact: new Set(), patterns: [], lists: [] };
  modules.set(file, module);
  if (isI18n(file)) return module;
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const literal = (text: string) => {
    if (KEY_SET.has(text)) module.exact.add(text);
    else if (text.endsWith('.') && text.length > 2 && ALL_KEYS.some((k) => k.startsWith(text))) module.patterns.push(new RegExp(`^${escape(text)}`));
  };
  const visit = (node: ts.Node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const target = resolve(file, node.moduleSpecifier.text);
      if (target) module.imports.push(target);
      return;
    }
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) {
      const target = resolve(file, node.arguments[0].text);
      if (target) module.imports.push(target);
    }
    if (ts.isCallExpression(node)) {
      const callee = ts.isIdentifier(node.expression) ? node.expression.text : ts.isPropertyAccessExpression(node.expression) ? node.expression.name.text : '';
      if (SENDERS.has(callee)) {
        for (const arg of node.arguments) {
          if (ts.isArrayLiteralExpression(arg) && arg.elements.every((e) => ts.isStringLiteral(e) && (NAMESPACES as string[]).includes(e.text))) {
            module.lists.push(arg.elements.map((e) => (e as ts.StringLiteral).text as Namespace));
          }
        }
      }
    }
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) literal(node.text);
    if (ts.isTemplateExpression(node)) {
      const parts = [node.head.text, ...node.templateSpans.map((s) => s.literal.text)];
      // Keys start with their feature's name: a template that does not (`${kind}.status`, a file
      // name) names no key.
      if (/^[a-z]\w*\./i.test(node.head.text)) module.patterns.push(new RegExp(`^${parts.map(escape).join('.+')}$`));
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return module;
}

export function closure(file: string): Set<string> {
  const seen = new Set<string>();
  const stack = [file];
  while (stack.length) {
    const at = stack.pop()!;
    if (seen.has(at)) continue;
    seen.add(at);
    stack.push(...read(at).imports);
  }
  return seen;
}

/** The keys a set of modules uses. */
export function usedKeys(files: Iterable<string>): Set<string> {
  const used = new Set<string>();
  const patterns: RegExp[] = [];
  for (const file of files) {
    const m = read(file);
    for (const k of m.exact) used.add(k);
    patterns.push(...m.patterns);
  }
  if (patterns.length) for (const k of ALL_KEYS) if (!used.has(k) && patterns.some((p) => p.test(k))) used.add(k);
  return used;
}

export interface RouteInfo {
  id: string;
  parentId?: string;
  path?: string;
  index?: boolean;
  caseSensitive?: boolean;
  file: string;
}

export function routes(): RouteInfo[] {
  const require = createRequire(import.meta.url);
  const { flatRoutes } = require('@remix-run/dev/dist/config/flat-routes.js') as {
    flatRoutes: (appDir: string, ignored: string[]) => Record<string, Omit<RouteInfo, 'file'> & { file: string }>;
  };
  const flat = Object.values(flatRoutes(APP, ['**/.*', '**/*.test.{ts,tsx}']));
  return [
    { id: 'root', path: '', file: path.join(APP, 'root.tsx') },
    ...flat.map((r) => ({ id: r.id, parentId: r.parentId ?? 'root', path: r.path, index: r.index, caseSensitive: r.caseSensitive, file: path.join(APP, r.file) })),
  ].sort((a, b) => a.id.localeCompare(b.id));
}

/** A route whose ErrorBoundary shows when its own loader failed: its shared words must come from above. */
const hasErrorBoundary = (file: string) => /export\s+(function|const)\s+ErrorBoundary\b|export\s*\{[^}]*\bErrorBoundary\b/.test(fs.readFileSync(file, 'utf8'));

export interface Analysis {
  /** Each list of namespaces a route's loader writes → the keys it ships. */
  routes: ShippedRoute<string>[];
  /** Each list of namespaces → the keys it ships for any route that writes it (when the route is not known). */
  byList: Record<string, string[]>;
  /** Keys a route's modules name that no loader of its chain sends (server-only uses: CSV headers, mail, `translate`). */
  unserved: Record<string, string[]>;
}

/**
 * A key a route uses is served by the nearest route of its chain (itself first) whose loader sends
 * a namespace holding it; a shared word (`core`) by the nearest route that sends any list and has no
 * ErrorBoundary of its own (that boundary shows without the route's data), else by the root. A
 * layout's key that no list of its chain holds is served by each route below it that holds it.
 */
export function analyse(): Analysis {
  const all = routes();
  const byId = new Map(all.map((r) => [r.id, r]));
  const namespaceKeys = new Map(NAMESPACES.map((ns) => [ns, new Set(keysOfNamespace(ns))]));
  const core = namespaceKeys.get('core')!;
  const shipped = new Map(all.map((r) => [r.id, new Map(read(r.file).lists.map((list) => [list.join(','), new Set<string>()]))]));
  const unserved: Record<string, string[]> = {};
  const holds = (list: Namespace[], key: string) => list.some((ns) => namespaceKeys.get(ns)!.has(key));
  const isBelow = (r: RouteInfo, ancestorId: string): boolean => {
    for (let at = r.parentId ? byId.get(r.parentId) : undefined; at; at = at.parentId ? byId.get(at.parentId) : undefined) if (at.id === ancestorId) return true;
    return false;
  };
  for (const route of all) {
    const chain: RouteInfo[] = [];
    for (let at: RouteInfo | undefined = route; at; at = at.parentId ? byId.get(at.parentId) : undefined) chain.push(at);
    const missing: string[] = [];
    for (const key of usedKeys(closure(route.file))) {
      const server = chain.find((r) => {
        const lists = read(r.file).lists;
        if (lists.some((list) => holds(list, key))) return true;
        return core.has(key) && lists.length > 0 && !hasErrorBoundary(r.file);
      });
      if (!server) {
        missing.push(key);
        continue;
      }
      const lists = read(server.file).lists;
      // The list that holds it, or (a shared word) every list this route sends.
      const holding = lists.filter((list) => holds(list, key));
      for (const list of holding.length ? holding : lists) shipped.get(server.id)!.get(list.join(','))!.add(key);
    }
    // A layout's own words held by no list of its chain (the judge section's offline line): shipped by
    // each route below it whose loader sends a namespace holding them, which is on every page it frames.
    const below = all.filter((r) => r !== route && isBelow(r, route.id));
    const unmatched = missing.filter((key) => {
      let served = false;
      for (const child of below) {
        for (const list of read(child.file).lists.filter((l) => holds(l, key))) {
          shipped.get(child.id)!.get(list.join(','))!.add(key);
          served = true;
        }
      }
      return !served;
    });
    if (unmatched.length) unserved[route.id] = unmatched.sort();
  }
  // What an ancestor ships anyway (for itself or another child) need not come again from below.
  for (const route of all) {
    const above = new Set<string>();
    for (let at = route.parentId ? byId.get(route.parentId) : undefined; at; at = at.parentId ? byId.get(at.parentId) : undefined) {
      for (const keys of shipped.get(at.id)!.values()) for (const key of keys) above.add(key);
    }
    for (const keys of shipped.get(route.id)!.values()) for (const key of [...keys]) if (above.has(key)) keys.delete(key);
  }
  const byList = new Map<string, Set<string>>();
  for (const [, lists] of shipped) for (const [list, keys] of lists) byList.set(list, new Set([...(byList.get(list) ?? []), ...keys]));
  const sorted = (keys: Iterable<string>) => [...keys].sort();
  return {
    routes: all.map(({ file: _file, ...route }) => ({
      ...route,
      lists: Object.fromEntries([...shipped.get(route.id)!].map(([list, keys]) => [list, sorted(keys)])),
    })),
    byList: Object.fromEntries([...byList].sort(([a], [b]) => a.localeCompare(b)).map(([list, keys]) => [list, sorted(keys)])),
    unserved,
  };
}

export function render(analysis: Analysis): string {
  // Each key once, as a number: the routes' lists point into KEYS.
  const keys = [...new Set(analysis.routes.flatMap((r) => Object.values(r.lists).flat()))].sort();
  const index = new Map(keys.map((k, i) => [k, i]));
  const ids = (list: readonly string[]) => JSON.stringify(list.map((k) => index.get(k)));
  const route = (r: ShippedRoute<string>) => {
    const { lists, ...shape } = r;
    const fields = Object.entries(shape).filter(([, v]) => v !== undefined).map(([k, v]) => `${k}: ${JSON.stringify(v)}`);
    const shipped = Object.entries(lists).map(([list, ks]) => `${JSON.stringify(list)}: ${ids(ks)}`);
    return `  { ${fields.join(', ')}, lists: { ${shipped.join(', ')} } },`;
  };
  return [
    '// Generated by `npm run i18n:shipped` (scripts/i18n-shipped.ts) from the source: do not edit.',
    '// Every route (Remix flat routes) with, for each list of namespaces its loader sends, the keys it',
    '// ships (numbers into KEYS); decision 049.',
    'import type { ShippedRoute } from \'./shipped.server\';',
    '',
    `export const KEYS: readonly string[] = ${JSON.stringify(keys)};`,
    '',
    'export const ROUTES: readonly ShippedRoute[] = [',
    ...analysis.routes.map(route),
    '];',
    '',
  ].join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const text = render(analyse());
  if (process.argv.includes('--check')) {
    const current = fs.existsSync(GENERATED) ? fs.readFileSync(GENERATED, 'utf8') : '';
    if (current !== text) {
      console.error(`${path.relative(ROOT, GENERATED)} is out of date: run npm run i18n:shipped`);
      process.exit(1);
    }
    console.log(`${path.relative(ROOT, GENERATED)} is up to date`);
  } else {
    fs.writeFileSync(GENERATED, text);
    console.log(`wrote ${path.relative(ROOT, GENERATED)}`);
  }
}
