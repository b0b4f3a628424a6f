// The address of the archive's speaker view for one speaker (`archive.html?speaker=…`).

export function speakerHref(baseUrl: string, speaker: string): string {
  return `${baseUrl}?speaker=${encodeURIComponent(speaker)}`;
}
