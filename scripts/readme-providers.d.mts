/** What scripts/readme-providers.mjs reads of the catalog (src/services/providers/catalog.json). */
export interface CatalogLike {
  openclawVersion: string;
  groups: Array<{ id: string; label: string; choiceIds: string[] }>;
  choices: Array<{
    id: string;
    method: string | null;
    scopes: string[];
    visibility: string;
    groupId: string | null;
    credential: { kind: string };
    plugin: {
      status: string;
      installCommand: string | null;
      npmSpec: string | null;
      clawhubSpec: string | null;
    } | null;
    defaultModel: { ref: string } | null;
  }>;
}
type Choice = CatalogLike['choices'][number];

export const START: string;
export const END: string;
export function howOf(choice: Choice): string;
export function pluginOf(choice: Choice): string;
export function providerRows(catalog: CatalogLike): string[][];
export function markdownTable(header: string[], rows: string[][]): string;
export function providersSection(catalog: CatalogLike): string;
export function spliceReadme(readme: string, section: string): string;
export function currentSection(readme: string): string | undefined;
