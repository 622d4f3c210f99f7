// Compiles each kernel once per set of override constants and keeps the pipeline.

/** One WGSL compute entry point with its bindings in group 0. */
export interface Kernel {
  /** Names the kernel in labels and error messages, e.g. "matmul_tiled". */
  readonly name: string;
  readonly code: string;
  /** The entry point; `main` when not given. */
  readonly entry?: string;
}

export type Constants = Record<string, number | boolean>;

/** Hears of a compile failure; `done` settles once the check is complete. */
type ReportFault = (
  check: Promise<{ kernel: string; error: GPUError; detail: string } | undefined>,
) => void;

export class PipelineCache {
  private readonly modules = new Map<string, GPUShaderModule>();
  private readonly pipelines = new Map<string, GPUComputePipeline>();

  constructor(
    private readonly device: GPUDevice,
    private readonly report: ReportFault,
  ) {}

  get size(): number {
    return this.pipelines.size;
  }

  get(kernel: Kernel, constants: Constants = {}): GPUComputePipeline {
    const names = Object.keys(constants).sort();
    const key = `${kernel.name}|${names.map((n) => `${n}=${Number(constants[n])}`).join(',')}`;
    let pipeline = this.pipelines.get(key);
    if (pipeline) return pipeline;

    const numeric: Record<string, number> = {};
    for (const n of names) numeric[n] = Number(constants[n]);
    this.device.pushErrorScope('validation');
    const module = this.module(kernel);
    pipeline = this.device.createComputePipeline({
      label: key,
      layout: 'auto',
      compute: { module, entryPoint: kernel.entry ?? 'main', constants: numeric },
    });
    const shown = names.length
      ? `${kernel.name} (${names.map((n) => `${n}=${numeric[n]}`).join(', ')})`
      : kernel.name;
    this.report(
      this.device.popErrorScope().then(
        async (error) => {
          if (!error) return undefined;
          const info = await module.getCompilationInfo();
          const lines = info.messages.map(
            (m) => `${m.type} at line ${m.lineNum}:${m.linePos}: ${m.message}`,
          );
          return { kernel: shown, error, detail: lines.join('\n') };
        },
        () => undefined,
      ),
    );
    this.pipelines.set(key, pipeline);
    return pipeline;
  }

  private module(kernel: Kernel): GPUShaderModule {
    // Keyed by source, since several kernels may be entry points of one module.
    let module = this.modules.get(kernel.code);
    if (!module) {
      module = this.device.createShaderModule({ label: kernel.name, code: kernel.code });
      this.modules.set(kernel.code, module);
    }
    return module;
  }
}
