// Engine: one GPUDevice with its pipeline cache, buffer pool, and the faults it has seen.
import { BufferPool, type MemoryInfo } from './buffer-pool';
import { DeviceLostError, GPUKernelError, InputError, WebGPUUnavailableError } from './errors';
import { findGpu } from './gpu';
import { PipelineCache } from './pipelines';
import { Recorder } from './recorder';
import { Tensor, type Binding, type DType } from './tensor';

export interface EngineOptions {
  /** Use this device instead of requesting one; the engine does not destroy it. */
  device?: GPUDevice;
  powerPreference?: GPUPowerPreference;
  /** Node only: toggles for Dawn's `create()`, e.g. ['adapter=llvmpipe']. */
  dawnFlags?: string[];
  /** Request a compatibility-mode adapter (WebGPU over OpenGL ES). */
  compatibility?: boolean;
}

export interface AdapterSummary {
  vendor: string;
  architecture: string;
  device: string;
  description: string;
  isFallback: boolean;
}

const STORAGE = () => GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC | GPUBufferUsage.COPY_DST;

// The limits the kernels are written against; each is requested up to what the adapter offers.
const WANTED_LIMITS = [
  'maxStorageBufferBindingSize',
  'maxBufferSize',
  'maxComputeWorkgroupStorageSize',
  'maxComputeInvocationsPerWorkgroup',
  'maxComputeWorkgroupSizeX',
  'maxComputeWorkgroupSizeY',
  'maxStorageBuffersPerShaderStage',
] as const;

export class Engine {
  readonly pipelines: PipelineCache;
  private readonly pool: BufferPool;
  private lostError: DeviceLostError | undefined;
  private faults: GPUKernelError[] = [];
  private liveTensors = 0;
  private destroyed = false;
  private readonly spares = new Map<string, GPUBuffer>();
  /** Error-scope checks not yet settled; sync() and read() wait for them. */
  private readonly pending = new Set<Promise<void>>();

  private constructor(
    readonly device: GPUDevice,
    readonly adapter: AdapterSummary,
    private readonly ownsDevice: boolean,
  ) {
    device.label ||= 'webgpu-nn';
    this.pool = new BufferPool(device);
    this.pipelines = new PipelineCache(device, (check) =>
      this.track(
        check.then((f) => {
          if (f) {
            // First in line: later errors of the same work only say the pipeline is invalid.
            this.faults.unshift(
              new GPUKernelError(
                `kernel "${f.kernel}" failed to compile: ${f.error.message}` +
                  (f.detail ? `\n${f.detail}` : ''),
              ),
            );
          }
        }),
      ),
    );
    device.addEventListener('uncapturederror', (event) => {
      const error = (event as GPUUncapturedErrorEvent).error;
      this.faults.push(new GPUKernelError(`uncaptured WebGPU error: ${error.message}`));
    });
    device.lost.then((info) => {
      if (this.destroyed) return;
      this.lostError = new DeviceLostError(info.reason ?? 'unknown', info.message);
    });
  }

  /** Requests an adapter and a device with the limits the kernels need. */
  static async create(options: EngineOptions = {}): Promise<Engine> {
    if (options.device)
      return new Engine(options.device, summarize(options.device.adapterInfo), false);
    const gpu = await findGpu(options.dawnFlags);
    const adapter = await gpu.requestAdapter({
      powerPreference: options.powerPreference,
      ...(options.compatibility ? { featureLevel: 'compatibility' } : {}),
    });
    if (!adapter) {
      throw new WebGPUUnavailableError(
        'WebGPU is present but no GPU adapter was found. In Chromium without a GPU, start it with ' +
          '--enable-unsafe-webgpu; in Node, install a Vulkan driver (Mesa 24+ lavapipe on Linux).',
      );
    }
    const requiredLimits: Record<string, number> = {};
    for (const name of WANTED_LIMITS) requiredLimits[name] = adapter.limits[name];
    // Timestamps let benchmarks measure GPU time alone; nothing else depends on them.
    const requiredFeatures: GPUFeatureName[] = adapter.features.has('timestamp-query')
      ? ['timestamp-query']
      : [];
    const device = await adapter.requestDevice({
      label: 'webgpu-nn',
      requiredLimits,
      requiredFeatures,
    });
    return new Engine(device, summarize(adapter.info), true);
  }

  get limits(): GPUSupportedLimits {
    return this.device.limits;
  }

  /** A readable name for the adapter, e.g. "llvmpipe (LLVM 19.1.7, 256 bits)". */
  get adapterName(): string {
    const a = this.adapter;
    return (
      a.description || [a.vendor, a.architecture, a.device].filter(Boolean).join(' ') || 'unknown'
    );
  }

  /** Throws the device loss or the first WebGPU fault seen since the last call. */
  check(): void {
    if (this.destroyed) throw new Error('this engine was destroyed');
    if (this.lostError) throw this.lostError;
    const fault = this.faults.shift();
    if (fault) {
      this.faults = [];
      throw fault;
    }
  }

  get isLost(): boolean {
    return !!this.lostError || this.destroyed;
  }

  /** An uninitialised tensor; its contents are whatever the pooled buffer last held. */
  empty(shape: readonly number[], label: string, dtype: DType = 'f32'): Tensor {
    this.check();
    for (const d of shape) {
      if (!Number.isInteger(d) || d < 0) throw new InputError(`${label}: bad shape [${shape}]`);
    }
    const size = shape.reduce((a, b) => a * b, 1);
    const buffer = this.acquireBuffer(size * 4, STORAGE(), label);
    this.liveTensors++;
    return new Tensor(this, shape, buffer, dtype);
  }

  /** A tensor holding `data` (copied to the GPU). */
  tensor(
    data: ArrayLike<number>,
    shape: readonly number[],
    label: string,
    dtype: DType = 'f32',
  ): Tensor {
    const t = this.empty(shape, label, dtype);
    if (data.length !== t.size) {
      t.dispose();
      throw new InputError(
        `${label}: ${data.length} values do not fill shape [${shape}] (${t.size})`,
      );
    }
    const array = dtype === 'u32' ? Uint32Array.from(data) : Float32Array.from(data);
    this.device.queue.writeBuffer(t.buffer, t.offset, array);
    return t;
  }

  /** Bytes packed four to a u32 word, for kernels that read u8 data (datasets). */
  bytes(data: Uint8Array, label: string): Tensor {
    const words = Math.ceil(data.length / 4);
    const t = this.empty([words], label, 'u32');
    const padded = new Uint8Array(words * 4);
    padded.set(data);
    this.device.queue.writeBuffer(t.buffer, t.offset, padded);
    return t;
  }

  /** A tensor of zeros. */
  zeros(shape: readonly number[], label: string, dtype: DType = 'f32'): Tensor {
    const t = this.empty(shape, label, dtype);
    this.run(`${label}.zero`, (r) => r.clear(t.binding));
    return t;
  }

  /**
   * Records the work `fn` describes into one command buffer and submits it. With `timestamps`,
   * each compute pass writes its start and end there (see GpuTimer).
   */
  run(label: string, fn: (r: Recorder) => void, timestamps?: GPUQuerySet): void {
    this.check();
    this.device.pushErrorScope('out-of-memory');
    this.device.pushErrorScope('validation');
    const recorder = new Recorder(this, label, timestamps);
    try {
      fn(recorder);
      recorder.submit();
    } finally {
      const kernels = recorder.kernelNames.join(', ') || 'none';
      for (let i = 0; i < 2; i++) {
        this.track(
          this.device.popErrorScope().then(
            (error) => {
              if (error)
                this.faults.push(
                  new GPUKernelError(`${label} (kernels: ${kernels}): ${error.message}`),
                );
            },
            () => undefined,
          ),
        );
      }
    }
  }

  /** Copies a tensor's values back; resolves once the GPU has finished all work before it. */
  async read(t: Tensor): Promise<Float32Array> {
    this.check();
    const bytes = t.byteLength;
    const staging = this.acquireBuffer(
      bytes,
      GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST,
      `${t.buffer.label}.readback`,
    );
    try {
      this.run(`${t.buffer.label}.read`, (r) =>
        r.copy(t.binding, { buffer: staging, offset: 0, size: bytes }),
      );
      await staging
        .mapAsync(GPUMapMode.READ, 0, Math.max(16, Math.ceil(bytes / 16) * 16))
        .catch((err) => {
          this.check();
          throw err;
        });
      const copy = staging.getMappedRange(0, bytes).slice(0);
      staging.unmap();
      await this.settled();
      this.check();
      return t.dtype === 'u32' ? new Float32Array(new Uint32Array(copy)) : new Float32Array(copy);
    } finally {
      if (!this.isLost) this.releaseBuffer(staging);
    }
  }

  /** Waits until the GPU has finished everything submitted so far; throws any fault it caused. */
  async sync(): Promise<void> {
    this.check();
    await this.device.queue.onSubmittedWorkDone();
    await this.settled();
    this.check();
  }

  private track(p: Promise<void>): void {
    this.pending.add(p);
    void p.finally(() => this.pending.delete(p));
  }

  /** Waits for the error checks of the work recorded so far. */
  private async settled(): Promise<void> {
    while (this.pending.size) await Promise.all([...this.pending]);
  }

  acquireBuffer(bytes: number, usage: GPUBufferUsageFlags, label: string): GPUBuffer {
    const max = this.limits.maxBufferSize;
    if (bytes > max)
      throw new InputError(`${label}: ${bytes} bytes exceeds the adapter's maxBufferSize ${max}`);
    return this.pool.acquire(bytes, usage, label);
  }

  releaseBuffer(buffer: GPUBuffer): void {
    this.pool.release(buffer);
  }

  /** Called by Tensor.dispose() for the tensors that own their buffer. */
  releaseTensor(buffer: GPUBuffer): void {
    this.liveTensors--;
    this.pool.release(buffer);
  }

  /**
   * A 16-byte buffer for a binding the kernel declares but will not touch this time (a bias
   * when there is none). One per role, since one buffer may not be bound read-only and
   * writable, or writable twice, in the same dispatch.
   */
  spare(role: 'read' | 'write' | 'write2'): Binding {
    let buffer = this.spares.get(role);
    if (!buffer) {
      buffer = this.device.createBuffer({ label: `spare.${role}`, size: 16, usage: STORAGE() });
      this.spares.set(role, buffer);
    }
    return { buffer, offset: 0, size: 16 };
  }

  /** Live GPU memory, as `tf.memory()` reports it. */
  memory(): MemoryInfo & { tensors: number } {
    return { ...this.pool.memory(), tensors: this.liveTensors };
  }

  /** Frees pooled buffers that no tensor holds. */
  trim(): void {
    this.pool.trim();
  }

  /** Destroys the device if the engine created it. */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.pool.trim();
    for (const b of this.spares.values()) b.destroy();
    if (this.ownsDevice) this.device.destroy();
  }
}

function summarize(info: GPUAdapterInfo | undefined): AdapterSummary {
  return {
    vendor: info?.vendor ?? '',
    architecture: info?.architecture ?? '',
    device: info?.device ?? '',
    description: info?.description ?? '',
    isFallback: (info as { isFallbackAdapter?: boolean } | undefined)?.isFallbackAdapter ?? false,
  };
}
