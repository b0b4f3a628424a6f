// The link to the page an archived quote came from, or plain text when its address is not http(s).
import { isWebUrl } from '@/utils/domain';
import { textFragmentUrl } from '@/utils/page/text-fragment';

/**
 * The page a quote came from: a link when its address is http(s), as every page Saywho reads is;
 * any other address (an imported file or an older version may hold one) is only shown as text.
 */
export function SourceLink({ url, title, text }: { url: string; title: string; text: string }) {
  if (!isWebUrl(url)) return <span class="entry__source">{title || url}</span>;
  return (
    <a class="entry__source" href={textFragmentUrl(url, text)} target="_blank" rel="noreferrer">
      {title || url}
    </a>
  );
}
