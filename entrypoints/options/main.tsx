import { render } from 'preact';
import { OptionsApp } from '@/components/OptionsApp';
import { autoCollectSetting, excludedSitesSetting, storeLimitSetting } from '@/utils/settings';
import { openDb } from '@/utils/store/db';
import '@/assets/ui.css';

render(
  <OptionsApp
    db={openDb()}
    settings={{
      getAutoCollect: () => autoCollectSetting.getValue(),
      setAutoCollect: (on) => autoCollectSetting.setValue(on),
      getExcluded: () => excludedSitesSetting.getValue(),
      setExcluded: (patterns) => excludedSitesSetting.setValue(patterns),
      getStoreLimit: () => storeLimitSetting.getValue(),
      setStoreLimit: (mb) => storeLimitSetting.setValue(mb),
    }}
  />,
  document.getElementById('app')!,
);
