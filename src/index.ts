// webgpu-nn: Keras-style neural networks whose every numeric step runs in WGSL on the GPU.

export { Engine, type EngineOptions, type AdapterSummary } from './engine/engine';
export { Tensor } from './engine/tensor';
export {
  DeviceLostError,
  GPUKernelError,
  InputError,
  WebGPUUnavailableError,
} from './engine/errors';
export { ACTIVATIONS, type ActivationName, type ActivationSpec } from './kernels/activation-codes';
export { LOSSES, type LossName } from './kernels/loss-codes';
export { matmul, type MatmulOptions, type MatmulVariant } from './kernels/matmul';
export { softmax } from './kernels/softmax';
export { getEngine, setEngine } from './nn/backend';
export { History, TerminateOnNaN, type Callback, type Logs } from './nn/callbacks';
export { ArrayDataset, ByteImageDataset, type ByteImages, type GpuDataset } from './nn/dataset';
export { Dense, type DenseOptions } from './nn/dense';
export { Activation, ELU, LeakyReLU, ReLU, Softmax, ThresholdedReLU } from './nn/activation-layers';
export { Layer } from './nn/layer';
export { PReLU } from './nn/prelu';
export { Matrix, type MatrixLike } from './nn/matrix';
export { clearSession } from './nn/names';
export { setRandomSeed } from './nn/initializers';
export { Adagrad, Adam, Optimizer, RMSprop, SGD } from './nn/optimizers';
export { Sequential, type CompileOptions } from './nn/sequential';
export { loadModel, type LoadOptions } from './io/model-io';
export { parseIdx } from './data/idx';
export { CLASS_NAMES, loadMnist, toCategorical, type Mnist } from './data/mnist';
export type { FitOptions } from './nn/loops';
export type { WeightArray, WeightLike } from './nn/weights';
