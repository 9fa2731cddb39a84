import { MODELS } from './spec-files';
import { isHttpMethod, type HttpMethod, type SwaggerDoc, type SwaggerOperation, type SwaggerParameter } from './swagger';

/** One operation of one model, with path-level parameters already merged in. */
export interface OperationSpec {
  /** Unique key: the operationId, or `model.operationId` for a deprecated duplicate (v0 getOrder). */
  readonly key: string;
  readonly operationId: string;
  readonly model: string;
  readonly method: HttpMethod;
  readonly pathTemplate: string;
  readonly deprecated: boolean;
  readonly parameters: readonly SwaggerParameter[];
  readonly operation: SwaggerOperation;
}

export interface OperationMatch {
  readonly key: string;
  readonly operationId: string;
  readonly model: string;
  readonly pathParams: Readonly<Record<string, string>>;
}

interface Route {
  readonly spec: OperationSpec;
  readonly pattern: RegExp;
  readonly names: readonly string[];
  readonly literalSegments: number;
}

function collect(models: Readonly<Record<string, SwaggerDoc>>): OperationSpec[] {
  const specs: OperationSpec[] = [];
  for (const [model, doc] of Object.entries(models)) {
    const base = doc.basePath && doc.basePath !== '/' ? doc.basePath : '';
    for (const [pathTemplate, item] of Object.entries(doc.paths)) {
      const shared = Array.isArray(item.parameters) ? (item.parameters as SwaggerParameter[]) : [];
      for (const [method, raw] of Object.entries(item)) {
        if (!isHttpMethod(method)) continue;
        const operation = raw as SwaggerOperation;
        const own = operation.parameters ?? [];
        // Operation-level parameters override path-level ones with the same name and location.
        const merged = [...shared.filter((p) => !own.some((o) => o.name === p.name && o.in === p.in)), ...own];
        specs.push({
          key: operation.operationId,
          operationId: operation.operationId,
          model,
          method,
          pathTemplate: base + pathTemplate,
          deprecated: operation.deprecated === true,
          parameters: merged,
          operation,
        });
      }
    }
  }
  // Amazon reuses operationIds across API versions (getOrder in v0 and 2026-01-01): the current
  // version keeps the plain id, a deprecated duplicate is addressed as `model.operationId`.
  return specs.map((spec) => {
    const twins = specs.filter((s) => s.operationId === spec.operationId);
    if (twins.length === 1) return spec;
    const keepsPlainId = !spec.deprecated && twins.filter((t) => !t.deprecated).length === 1;
    return keepsPlainId ? spec : { ...spec, key: `${spec.model}.${spec.operationId}` };
  });
}

function toRoute(spec: OperationSpec): Route {
  const names: string[] = [];
  const segments = spec.pathTemplate.split('/');
  const source = segments
    .map((segment) => {
      const m = /^\{(.+)\}$/.exec(segment);
      if (!m?.[1]) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(m[1]);
      return '([^/]+)';
    })
    .join('/');
  return {
    spec,
    pattern: new RegExp(`^${source}/?$`),
    names,
    literalSegments: segments.filter((s) => !s.startsWith('{')).length,
  };
}

let cache: { byKey: Map<string, OperationSpec>; routes: Route[] } | undefined;

function index(): { byKey: Map<string, OperationSpec>; routes: Route[] } {
  if (!cache) {
    const specs = collect(MODELS);
    const byKey = new Map<string, OperationSpec>();
    for (const spec of specs) {
      byKey.set(spec.key, spec);
      byKey.set(`${spec.model}.${spec.operationId}`, spec);
    }
    // More literal segments first, so /orders/{id}/orderItems never loses to a looser template.
    const routes = specs.map(toRoute).sort((a, b) => b.literalSegments - a.literalSegments);
    cache = { byKey, routes };
  }
  return cache;
}

/** The operation for a key (`getOrder`, `ordersV0.getOrder`, `feeds_2021-06-30.getFeed`…). */
export function operationSpec(key: string): OperationSpec | undefined {
  return index().byKey.get(key);
}

export function allOperations(): readonly OperationSpec[] {
  return [...new Set(index().byKey.values())];
}

/**
 * Routing help: which operation serves `method path` (path without the query string, still
 * URL-encoded), with the decoded path parameters. Undefined when no model documents it.
 */
export function operationFor(method: string, path: string): OperationMatch | undefined {
  const wanted = method.toLowerCase();
  const pathOnly = path.split('?')[0] ?? path;
  for (const route of index().routes) {
    if (route.spec.method !== wanted) continue;
    const m = route.pattern.exec(pathOnly);
    if (!m) continue;
    const pathParams: Record<string, string> = {};
    let decodable = true;
    route.names.forEach((name, i) => {
      try {
        pathParams[name] = decodeURIComponent(m[i + 1] ?? '');
      } catch {
        decodable = false;
      }
    });
    if (!decodable) continue;
    const { key, operationId, model } = route.spec;
    return { key, operationId, model, pathParams };
  }
  return undefined;
}
