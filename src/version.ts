// Replaced at bundle time from package.json; the fallback serves tests run from source.
declare const __AUTHDECK_VERSION__: string | undefined;
export const VERSION: string = typeof __AUTHDECK_VERSION__ === 'string' ? __AUTHDECK_VERSION__ : '0.0.0-dev';
