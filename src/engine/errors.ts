// Errors the engine raises: one class per cause, each message saying what happened and what to do.

/** WebGPU is missing or no adapter could be had. */
export class WebGPUUnavailableError extends Error {
  override name = 'WebGPUUnavailableError';
}

/** The GPUDevice was lost (destroyed, driver reset, out of memory); the engine cannot go on. */
export class DeviceLostError extends Error {
  override name = 'DeviceLostError';
  constructor(
    readonly reason: string,
    detail: string,
  ) {
    super(
      `GPU device was lost (reason: ${reason})${detail ? `: ${detail}` : ''}. ` +
        'Create a new engine (createEngine) to continue; tensors of the lost device cannot be read.',
    );
  }
}

/** A validation or out-of-memory error reported by WebGPU, named by the kernel that caused it. */
export class GPUKernelError extends Error {
  override name = 'GPUKernelError';
}

/** The caller's input cannot be used: wrong shape, type, range or state. Thrown before GPU work. */
export class InputError extends Error {
  override name = 'InputError';
}
