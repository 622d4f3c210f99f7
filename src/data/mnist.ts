// MNIST and Fashion-MNIST: the four IDX files of a dataset, their checksums and loading.
import { InputError } from '../engine/errors';
import { parseIdx } from './idx';

export type DatasetName = 'mnist' | 'fashion';

export const FILES = {
  trainImages: 'train-images-idx3-ubyte.gz',
  trainLabels: 'train-labels-idx1-ubyte.gz',
  testImages: 't10k-images-idx3-ubyte.gz',
  testLabels: 't10k-labels-idx1-ubyte.gz',
} as const;

/** SHA-256 of the original distribution's files. */
export const SHA256: Record<DatasetName, Record<string, string>> = {
  mnist: {
    [FILES.trainImages]: '440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609',
    [FILES.trainLabels]: '3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c',
    [FILES.testImages]: '8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6',
    [FILES.testLabels]: 'f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6',
  },
  fashion: {
    [FILES.trainImages]: '3aede38d61863908ad78613f6a32ed271626dd12800ba2636569512369268a84',
    [FILES.trainLabels]: 'a04f17134ac03560a47e3764e11b92fc97de4d1bfaf8ba1a3aa29af54cc90845',
    [FILES.testImages]: '346e55b948d973a97e58d2351dde16a484bd415d4595297633bb08f03db6a073',
    [FILES.testLabels]: '67da17c76eaffca5446c3361aaab5c3cd6d1c2608764d35dfb1850b086bf8dd5',
  },
};

/** Public mirrors of the original files, tried in order. */
export const MIRRORS: Record<DatasetName, string[]> = {
  mnist: [
    'https://storage.googleapis.com/cvdf-datasets/mnist/',
    'https://ossci-datasets.s3.amazonaws.com/mnist/',
  ],
  fashion: ['http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/'],
};

export const CLASS_NAMES: Record<DatasetName, string[]> = {
  mnist: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
  fashion: ['T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag',
    'Ankle boot'],
};

export interface Split {
  /** u8 pixels, [count, 784]: the lesson's reshape of [count, 28, 28]. */
  images: Uint8Array;
  labels: Uint8Array;
  count: number;
}

export interface Mnist {
  train: Split;
  test: Split;
}

async function split(imagesFile: Uint8Array, labelsFile: Uint8Array, name: string): Promise<Split> {
  const images = await parseIdx(imagesFile, `${name} images`);
  const labels = await parseIdx(labelsFile, `${name} labels`);
  if (images.shape.length !== 3 || images.shape[1] !== 28 || images.shape[2] !== 28) {
    throw new InputError(`${name} images: expected [n, 28, 28], got [${images.shape}]`);
  }
  if (labels.shape.length !== 1 || labels.shape[0] !== images.shape[0]) {
    throw new InputError(`${name}: ${images.shape[0]} images but labels of shape [${labels.shape}]`);
  }
  const bad = labels.data.findIndex((l) => l > 9);
  if (bad >= 0) throw new InputError(`${name} labels: label ${labels.data[bad]} at ${bad} is not 0-9`);
  return { images: images.data, labels: labels.data, count: images.shape[0] };
}

/** Parses the four files, given a function that fetches one by name. */
export async function loadMnist(read: (file: string) => Promise<Uint8Array>): Promise<Mnist> {
  const [ti, tl, vi, vl] = await Promise.all(
    [FILES.trainImages, FILES.trainLabels, FILES.testImages, FILES.testLabels].map(read));
  return { train: await split(ti, tl, 'train'), test: await split(vi, vl, 'test') };
}

/** The first `limit` samples of a split. */
export function firstSamples(s: Split, limit: number): Split {
  const count = Math.min(limit, s.count);
  return { images: s.images.subarray(0, count * 784), labels: s.labels.subarray(0, count), count };
}

/** Keras's to_categorical: labels [n] -> one-hot [n, classes]; labels out of range are refused. */
export function toCategorical(labels: ArrayLike<number>, classes: number): Float32Array {
  const out = new Float32Array(labels.length * classes);
  for (let i = 0; i < labels.length; i++) {
    const l = labels[i];
    if (!Number.isInteger(l) || l < 0 || l >= classes) {
      throw new InputError(`toCategorical: label ${l} at ${i} is not an integer in [0, ${classes})`);
    }
    out[i * classes + l] = 1;
  }
  return out;
}
