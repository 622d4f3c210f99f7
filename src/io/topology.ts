// The TensorFlow.js Layers format's model topology: Sequential models of Dense and activation
// layers written as TF.js writes them, and read back from TF.js or Keras-converted files with
// every field checked. A model file is untrusted input: fields are read one by one, never copied.
import { InputError } from '../engine/errors';
import {
  Activation,
  ELU,
  LeakyReLU,
  ReLU,
  Softmax,
  ThresholdedReLU,
} from '../nn/activation-layers';
import { Dense } from '../nn/dense';
import type { Layer } from '../nn/layer';
import { PReLU } from '../nn/prelu';

type Json = unknown;
type Obj = Record<string, Json>;

/** Our activation names as TF.js writes them; the others have no TF.js equivalent. */
const TO_TFJS: Record<string, string> = {
  linear: 'linear',
  relu: 'relu',
  sigmoid: 'sigmoid',
  tanh: 'tanh',
  elu: 'elu',
  selu: 'selu',
  softplus: 'softplus',
  softsign: 'softsign',
  softmax: 'softmax',
  silu: 'swish',
};
/** TF.js and Keras names read back: the inverse of TO_TFJS, plus names only those write. */
const FROM_TFJS: Record<string, string> = {
  ...Object.fromEntries(Object.entries(TO_TFJS).map(([ours, theirs]) => [theirs, ours])),
  relu6: 'relu6',
  silu: 'silu',
};

const isObj = (v: Json): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const own = (o: Obj, key: string): Json => (Object.hasOwn(o, key) ? o[key] : undefined);

function field(o: Obj, keys: string[]): Json {
  for (const k of keys) if (own(o, k) !== undefined) return own(o, k);
  return undefined;
}

function positiveInt(v: Json, what: string, cap: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > cap) {
    throw new InputError(`${what}: expected an integer in [1, ${cap}], got ${JSON.stringify(v)}`);
  }
  return v;
}

function finiteOr(v: Json, fallback: number, what: string): number {
  if (v === undefined || v === null) return fallback;
  if (typeof v !== 'number' || !Number.isFinite(v))
    throw new InputError(`${what}: expected a number, got ${JSON.stringify(v)}`);
  return v;
}

function nameOf(config: Obj, what: string): string | undefined {
  const name = own(config, 'name');
  if (name === undefined) return undefined;
  if (typeof name !== 'string' || name.length > 256)
    throw new InputError(`${what}: name must be a short string`);
  return name;
}

/** The input width a first layer declares: batch_input_shape [null, n] or batch_shape. */
function inputWidth(config: Obj, what: string, cap: number): number | undefined {
  const shape = field(config, ['batch_input_shape', 'batch_shape', 'batchInputShape']);
  if (shape === undefined || shape === null) return undefined;
  if (!Array.isArray(shape) || shape.length !== 2) {
    throw new InputError(
      `${what}: only inputs of shape [batch, features] are supported, got ${JSON.stringify(shape)}`,
    );
  }
  return positiveInt(shape[1], `${what} input width`, cap);
}

function activationName(v: Json, what: string): string {
  if (v === undefined || v === null) return 'linear';
  if (typeof v !== 'string')
    throw new InputError(`${what}: activation must be a name, got ${JSON.stringify(v)}`);
  const ours = FROM_TFJS[v];
  if (!ours) {
    const note =
      v === 'hard_sigmoid' ? ' (TF.js defines it as 0.2x + 0.5, Keras 3 as relu6(x + 3) / 6)' : '';
    throw new InputError(
      `${what}: activation "${v}" is not supported${note}; supported: ${Object.keys(FROM_TFJS).join(', ')}`,
    );
  }
  return ours;
}

export interface TopologyLimits {
  /** Largest units or input width accepted. */
  maxWidth: number;
}

/** Layers from a `modelTopology` object; refuses unknown classes, activations and dtypes by name. */
export function layersFromTopology(
  topology: Json,
  limits: TopologyLimits,
): { name?: string; layers: Layer[] } {
  if (!isObj(topology)) throw new InputError('model.json: modelTopology must be an object');
  const root = isObj(own(topology, 'model_config'))
    ? (own(topology, 'model_config') as Obj)
    : topology;
  const cls = own(root, 'class_name');
  if (cls !== 'Sequential')
    throw new InputError(
      `model.json: only Sequential models are supported, got ${JSON.stringify(cls)}`,
    );
  const config = own(root, 'config');
  const list = Array.isArray(config) ? config : isObj(config) ? own(config, 'layers') : undefined;
  if (!Array.isArray(list))
    throw new InputError('model.json: the Sequential config has no list of layers');
  if (list.length > 1000)
    throw new InputError(`model.json: ${list.length} layers is more than 1000`);
  const modelName = isObj(config) ? nameOf(config, 'model') : undefined;
  const layers: Layer[] = [];
  let pendingInput: number | undefined;
  list.forEach((entry: Json, i: number) => {
    const what = `model.json layer ${i}`;
    if (!isObj(entry) || !isObj(own(entry, 'config')))
      throw new InputError(`${what}: expected {class_name, config}`);
    const className = own(entry, 'class_name');
    const c = own(entry, 'config') as Obj;
    const dtype = own(c, 'dtype');
    if (dtype !== undefined && dtype !== null && dtype !== 'float32' && !isObj(dtype)) {
      throw new InputError(`${what}: dtype "${String(dtype)}" is not supported; only float32`);
    }
    const name = nameOf(c, what);
    const inputDim =
      layers.length === 0 ? (inputWidth(c, what, limits.maxWidth) ?? pendingInput) : undefined;
    const base = { name, inputDim };
    switch (className) {
      case 'InputLayer':
        pendingInput = inputWidth(c, what, limits.maxWidth);
        return;
      case 'Dense': {
        const units = positiveInt(own(c, 'units'), `${what} units`, limits.maxWidth);
        const useBias = own(c, 'use_bias') ?? own(c, 'useBias') ?? true;
        if (typeof useBias !== 'boolean')
          throw new InputError(`${what}: use_bias must be true or false`);
        layers.push(
          new Dense(units, {
            ...base,
            useBias,
            activation: activationName(own(c, 'activation'), what),
          }),
        );
        return;
      }
      case 'Activation': {
        const act = activationName(own(c, 'activation'), what);
        layers.push(act === 'softmax' ? new Softmax(base) : new Activation(act, base));
        return;
      }
      case 'ReLU':
        layers.push(
          new ReLU({
            ...base,
            maxValue:
              finiteOr(field(c, ['max_value', 'maxValue']), -1, what) < 0
                ? undefined
                : finiteOr(field(c, ['max_value', 'maxValue']), -1, what),
            negativeSlope: finiteOr(own(c, 'negative_slope'), 0, what),
            threshold: finiteOr(own(c, 'threshold'), 0, what),
          }),
        );
        return;
      case 'LeakyReLU':
        layers.push(
          new LeakyReLU({
            ...base,
            negativeSlope: finiteOr(field(c, ['alpha', 'negative_slope']), 0.3, what),
          }),
        );
        return;
      case 'PReLU': {
        const shared = own(c, 'shared_axes');
        if (shared !== undefined && shared !== null)
          throw new InputError(`${what}: PReLU with shared_axes is not supported`);
        layers.push(new PReLU(base));
        return;
      }
      case 'ELU':
        layers.push(new ELU({ ...base, alpha: finiteOr(own(c, 'alpha'), 1, what) }));
        return;
      case 'ThresholdedReLU':
        layers.push(new ThresholdedReLU({ ...base, theta: finiteOr(own(c, 'theta'), 1, what) }));
        return;
      case 'Softmax': {
        const axis = own(c, 'axis');
        if (
          axis !== undefined &&
          axis !== -1 &&
          axis !== 1 &&
          !(Array.isArray(axis) && axis.length === 1 && axis[0] === -1)
        ) {
          throw new InputError(
            `${what}: Softmax over axis ${JSON.stringify(axis)} is not supported; only the last`,
          );
        }
        layers.push(new Softmax(base));
        return;
      }
      default:
        throw new InputError(
          `${what}: layer class ${JSON.stringify(className)} is not supported; supported: ` +
            'Dense, Activation, ReLU, LeakyReLU, PReLU, ELU, ThresholdedReLU, Softmax, InputLayer',
        );
    }
  });
  if (layers.length === 0) throw new InputError('model.json: the model has no layers');
  return { name: modelName, layers };
}

function tfjsActivation(name: string, layer: string): string {
  const t = TO_TFJS[name];
  if (!t)
    throw new InputError(
      `save: layer "${layer}" uses activation "${name}", which TF.js does not have`,
    );
  return t;
}

/** A layer's config as TF.js writes it. */
function layerConfig(layer: Layer, inWidth: number | undefined): Obj {
  const common: Obj = {
    name: layer.name,
    trainable: true,
    dtype: 'float32',
    ...(inWidth === undefined ? {} : { batch_input_shape: [null, inWidth] }),
  };
  if (layer instanceof Dense) {
    return {
      class_name: 'Dense',
      config: {
        units: layer.units,
        activation: tfjsActivation(layer.activationName, layer.name),
        use_bias: layer.useBias,
        kernel_initializer: { class_name: 'GlorotUniform', config: { seed: null } },
        bias_initializer: { class_name: 'Zeros', config: {} },
        kernel_regularizer: null,
        bias_regularizer: null,
        activity_regularizer: null,
        kernel_constraint: null,
        bias_constraint: null,
        ...common,
      },
    };
  }
  if (layer instanceof Softmax) return { class_name: 'Softmax', config: { axis: -1, ...common } };
  if (layer instanceof PReLU) {
    return {
      class_name: 'PReLU',
      config: {
        alpha_initializer: { class_name: 'Zeros', config: {} },
        alpha_regularizer: null,
        alpha_constraint: null,
        shared_axes: null,
        ...common,
      },
    };
  }
  if (layer instanceof Activation) {
    const s = layer.spec;
    switch (layer.className) {
      case 'ReLU':
        if ((s.alpha ?? 0) !== 0 || (s.threshold ?? 0) !== 0) {
          throw new InputError(
            `save: ReLU "${layer.name}" has a negative slope or threshold, which TF.js's ReLU lacks`,
          );
        }
        return { class_name: 'ReLU', config: { max_value: s.maxValue ?? null, ...common } };
      case 'LeakyReLU':
        return { class_name: 'LeakyReLU', config: { alpha: s.alpha, ...common } };
      case 'ELU':
        return { class_name: 'ELU', config: { alpha: s.alpha, ...common } };
      case 'ThresholdedReLU':
        return { class_name: 'ThresholdedReLU', config: { theta: s.threshold, ...common } };
      default:
        return {
          class_name: 'Activation',
          config: { activation: tfjsActivation(s.name, layer.name), ...common },
        };
    }
  }
  throw new InputError(`save: layer class ${layer.className} cannot be saved`);
}

/** The `modelTopology` of a Sequential model, as tfjs-layers 4.22 writes one. */
export function topologyOf(name: string, layers: Layer[], inputWidth: number): Obj {
  return {
    class_name: 'Sequential',
    config: {
      name,
      layers: layers.map((l, i) => layerConfig(l, i === 0 ? inputWidth : undefined)),
    },
    keras_version: 'tfjs-layers 4.22.0',
    backend: 'tensor_flow.js',
  };
}
