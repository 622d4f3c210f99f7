// Fetches a dataset's four IDX files for the page: from /data/<name>/ on the same server
// (`npm run demo` serves them), or from the base URL given as ?data=.
import { loadMnist, type DatasetName, type Mnist } from '../src/data/mnist';

const FOLDERS: Record<DatasetName, string> = { mnist: 'mnist', fashion: 'fashion-mnist' };

export async function fetchDataset(name: DatasetName, base?: string | null): Promise<Mnist> {
  const root = base ?? `/data/${FOLDERS[name]}/`;
  return loadMnist(async (file) => {
    const res = await fetch(root + file);
    if (!res.ok) {
      throw new Error(
        `could not fetch ${root}${file} (HTTP ${res.status}): ${(await res.text()).slice(0, 300)}`,
      );
    }
    return new Uint8Array(await res.arrayBuffer());
  });
}
