// The little of Eleventy 3's API this project uses (it ships no type declarations).
declare module '@11ty/eleventy' {
  export interface EleventyOptions {
    configPath?: string;
    quietMode?: boolean;
    pathPrefix?: string;
    runMode?: 'build' | 'watch' | 'serve';
  }
  export default class Eleventy {
    constructor(input?: string, output?: string, options?: EleventyOptions);
    write(): Promise<unknown>;
    watch(): Promise<unknown>;
    init(): Promise<void>;
    serve(port?: number): Promise<unknown>;
    stopWatch(): Promise<void>;
    setIsVerbose(verbose: boolean): void;
  }
  export const HtmlBasePlugin: (eleventyConfig: unknown, options?: unknown) => void;
}
