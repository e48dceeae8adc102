// Loads the face models once per thread: TensorFlow.js on its WebAssembly backend, with the .wasm binaries
// and face-api's weights read from the installed npm packages on disk. Nothing is fetched.
import { createRequire } from 'node:module';
import path from 'node:path';
import { env, ready, setBackend } from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import * as faceapi from '@vladmandic/face-api/dist/face-api.node-wasm.js';

const require = createRequire(import.meta.url);
const packageDir = (name: string): string => path.dirname(require.resolve(`${name}/package.json`));

/** Where the weights come from: the `model/` folder of the installed @vladmandic/face-api. */
export const MODEL_DIR = path.join(packageDir('@vladmandic/face-api'), 'model');
/** Where the wasm binaries come from: the `dist/` folder of the installed @tensorflow/tfjs-backend-wasm. */
export const WASM_DIR = path.join(path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm')), path.sep);

let loading: Promise<typeof faceapi> | undefined;

/** The face-api module with its backend ready and its three networks loaded; the same promise every call. */
export function faceRuntime(): Promise<typeof faceapi> {
  loading ??= load();
  return loading;
}

async function load(): Promise<typeof faceapi> {
  setWasmPaths(WASM_DIR);
  // One thread per pool worker: the pool gives the parallelism, so tfjs must not start threads of its own.
  env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  await setBackend('wasm');
  await ready();
  await faceapi.nets.ssdMobilenetv1.loadFromDisk(MODEL_DIR);
  await faceapi.nets.faceLandmark68Net.loadFromDisk(MODEL_DIR);
  await faceapi.nets.faceRecognitionNet.loadFromDisk(MODEL_DIR);
  return faceapi;
}
