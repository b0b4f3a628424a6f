import { useEffect, useState } from 'preact/hooks';
import { isExcluded } from '@/utils/page/excluded';
import { excludedSitesSetting } from '@/utils/settings';

/**
 * The per-site switch: "Saywho on news.example". Off adds the site's host to the excluded sites;
 * on removes every pattern that excludes this page. Open pages follow at once (the content
 * script watches the setting).
 */
export function SiteSwitch({ pageUrl }: { pageUrl: string }) {
  const [patterns, setPatterns] = useState<string[] | null>(null);
  useEffect(() => {
    void excludedSitesSetting.getValue().then(setPatterns);
    return excludedSitesSetting.watch((value) => setPatterns(value ?? []));
  }, []);
  if (patterns === null) return null;
  const host = new URL(pageUrl).hostname;
  const on = !isExcluded(pageUrl, patterns);
  function toggle() {
    const next = on ? [...patterns!, host] : patterns!.filter((p) => !isExcluded(pageUrl, [p]));
    void excludedSitesSetting.setValue(next);
  }
  return (
    <label class="site-switch">
      <input type="checkbox" role="switch" aria-checked={on} checked={on} onChange={toggle} /> Saywho on{' '}
      {host}
    </label>
  );
}
