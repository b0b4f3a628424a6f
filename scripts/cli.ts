/**
 * `npm run --silent cli -- <command>`: the extractor and matcher on files, for people and scorers.
 *
 *   extract <file.txt|file.html ...>   one JSON line per file: {"file","title","statements":[…]}
 *   relate <file ...>                  ingests the files in order into a fresh store; one JSON line per relation:
 *                                      {"type","a":{"file","start","end","text","speaker"},"b":{…},"reason"}
 *   read <file.html ...>               one JSON line per file: {"file","title","isArticle","language","reason","text"}
 *                                      (the content script's judgement and article text; see read.ts)
 *   compare <pairs.jsonl>              one JSON line per pair: {"id","relations":[{"type","score","reason"}]}
 *                                      (the background's classifier, no candidate filter; see compare.ts)
 *   eval                               scores extraction and relations against the gold in test/fixtures
 *
 * Offsets are UTF-16 offsets into the file's text for .txt (one paragraph per line) and into the
 * extracted article text for .html. Keep this output format stable: scorers read it.
 */
// The extractor's model data, as Node tools have them (utils/nlp/model-data.ts).
import '../utils/nlp/model/use-bundled';
import { extract } from '../utils/extract';
import { loadArticle } from './load-article';

function extractCommand(files: string[]): number {
  if (files.length === 0) {
    console.error('usage: cli extract <file.txt|file.html ...>');
    return 2;
  }
  let status = 0;
  for (const file of files) {
    try {
      const { text, title } = loadArticle(file);
      const statements = extract(text).map((s) => ({
        text: s.text,
        kind: s.kind,
        speaker: s.speaker?.name ?? null,
        mention: s.speaker?.mention ?? null,
        cue: s.cue,
        start: s.start,
        end: s.end,
      }));
      console.log(JSON.stringify({ file, title, statements }));
    } catch (error) {
      console.error(`${file}: ${error instanceof Error ? error.message : String(error)}`);
      status = 1;
    }
  }
  return status;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'extract':
      return extractCommand(rest);
    case 'relate': {
      if (rest.length === 0) {
        console.error('usage: cli relate <file.txt|file.html ...>');
        return 2;
      }
      const { relateFiles } = await import('./relate');
      for (const relation of await relateFiles(rest)) console.log(JSON.stringify(relation));
      return 0;
    }
    case 'read': {
      const { readCommand } = await import('./read');
      return readCommand(rest);
    }
    case 'compare': {
      const { compareCommand } = await import('./compare');
      return compareCommand(rest);
    }
    case 'eval': {
      const { evalCommand } = await import('./eval');
      return evalCommand(rest);
    }
    default:
      console.error(
        'usage: cli extract <files…> | cli relate <files…> | cli read <files.html…> | cli compare <pairs.jsonl> | cli eval',
      );
      return 2;
  }
}

process.exitCode = await main(process.argv.slice(2));
