/**
 * `load` called the first time the returned function is, its promise kept for every later call:
 * for an importer's heavy parse module, loaded by a dynamic `import()` when its format is first
 * parsed. (Through tsx, repeating an `import()` of a module already loaded still costs about
 * 0.14 ms each time, the loader's resolve hook; a whole archive parses thousands of dumps.)
 */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => (loading ??= load());
}
