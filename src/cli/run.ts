import { main } from './main';

// The executable entry: run and exit with main's code.
void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
