// The archive's search and filter form: text, speaker, site, tag, kind, dates, conflicts and sort.
import type { StatementKind } from '@/utils/extract/types';
import type { ArchiveSort, Facets } from '@/utils/store/archive-search';
import { KIND_LABEL } from '../labels';
import type { ArchiveFilterState } from './use-archive-filter';

export function ArchiveFilters({ facets, state }: { facets: Facets; state: ArchiveFilterState }) {
  const { filter, update } = state;
  return (
    <form class="filters" aria-label="Search and filter the archive" onSubmit={(e) => e.preventDefault()}>
      <label class="field field--wide">
        <span class="field__label">Search text, speaker, note and tags</span>
        <input
          class="field__input"
          type="search"
          name="q"
          value={filter.query}
          onInput={(e) => update({ query: e.currentTarget.value })}
        />
      </label>
      <FacetSelect
        label="Speaker"
        name="speaker"
        value={filter.speaker}
        options={facets.speakers}
        onChange={(speaker) => update({ speaker })}
      />
      <FacetSelect
        label="Site"
        name="site"
        value={filter.site}
        options={facets.sites}
        onChange={(site) => update({ site })}
      />
      <FacetSelect
        label="Tag"
        name="tag"
        value={filter.tag}
        options={facets.tags}
        onChange={(tag) => update({ tag })}
      />
      <div class="field">
        <label class="field__label" for="filter-kind">
          Kind
        </label>
        <select
          id="filter-kind"
          class="field__input"
          name="kind"
          value={filter.kind ?? ''}
          onChange={(e) => update({ kind: (e.currentTarget.value || null) as StatementKind | null })}
        >
          <option value="">Any kind</option>
          {(Object.keys(KIND_LABEL) as StatementKind[]).map((k) => (
            <option key={k} value={k}>
              {KIND_LABEL[k]}
            </option>
          ))}
        </select>
      </div>
      <DateField label="Saved from" name="from" value={state.fromText} onInput={state.setFromText} />
      <DateField label="Saved to" name="to" value={state.toText} onInput={state.setToText} />
      <label class="check">
        <input
          type="checkbox"
          name="conflict"
          checked={filter.conflictOnly}
          onChange={(e) => update({ conflictOnly: e.currentTarget.checked })}
        />
        Only with conflicts
      </label>
      <div class="field">
        <label class="field__label" for="filter-sort">
          Sort
        </label>
        <select
          id="filter-sort"
          class="field__input"
          name="sort"
          value={filter.sort}
          onChange={(e) => update({ sort: e.currentTarget.value as ArchiveSort })}
        >
          <option value="newest">Newest first</option>
          <option value="oldest">Oldest first</option>
          <option value="speaker">By speaker</option>
          <option value="site">By site</option>
        </select>
      </div>
    </form>
  );
}

/** A choice among the values the archive holds (speakers, sites or tags), each with its count. */
function FacetSelect({
  label,
  name,
  value,
  options,
  onChange,
}: {
  label: string;
  name: string;
  value: string | null;
  options: { name: string; count: number }[];
  onChange: (value: string | null) => void;
}) {
  return (
    <div class="field">
      <label class="field__label" for={`filter-${name}`}>
        {label}
      </label>
      <select
        id={`filter-${name}`}
        class="field__input"
        name={name}
        value={value ?? ''}
        onChange={(e) => onChange(e.currentTarget.value || null)}
      >
        <option value="">Any {label.toLowerCase()}</option>
        {options.map((o) => (
          <option key={o.name} value={o.name}>
            {o.name} ({o.count})
          </option>
        ))}
      </select>
    </div>
  );
}

function DateField(props: { label: string; name: string; value: string; onInput: (text: string) => void }) {
  return (
    <label class="field">
      <span class="field__label">{props.label}</span>
      <input
        class="field__input"
        type="date"
        name={props.name}
        value={props.value}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
    </label>
  );
}
