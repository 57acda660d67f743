import { benchImportWrite } from './import-write';
console.log(await benchImportWrite(Number(process.argv[2] ?? 20000), 2000));
