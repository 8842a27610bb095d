import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, relative, resolve, sep } from "node:path";
import { CONTENT_TYPES } from "../../src/preview/contentTypes.js";

/** Every file under `dir`, relative to it, with forward slashes. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((name) => statSync(join(dir, name)).isFile())
    .map((name) => name.split(sep).join("/"))
    .sort();
}

export interface BrokenLink {
  readonly page: string;
  readonly link: string;
  readonly why: string;
}

/**
 * Follows every href and src of every page of the site: each must name a
 * file of the site (nothing outside its folder), and each #anchor an id of
 * the page it points at. Links to other sites (https:) are not followed.
 */
export function crawl(dir: string): { readonly pages: readonly string[]; readonly broken: readonly BrokenLink[]; readonly followed: number } {
  const pages = filesUnder(dir).filter((name) => name.endsWith(".html"));
  const ids = new Map(pages.map((page) => [page, new Set([...readFileSync(join(dir, page), "utf8").matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!))]));
  const broken: BrokenLink[] = [];
  let followed = 0;
  for (const page of pages) {
    const html = readFileSync(join(dir, page), "utf8");
    for (const match of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
      const link = match[1]!.replace(/&amp;/g, "&");
      if (/^[a-z]+:/i.test(link)) {
        if (!/^https?:|^mailto:/.test(link)) broken.push({ page, link, why: "a scheme a published site cannot use" });
        continue;
      }
      followed++;
      const [path, anchor] = link.split("#") as [string, string | undefined];
      const target = path === "" ? join(dir, page) : resolve(dir, page, "..", decodeURIComponent(path));
      const inside = relative(dir, target);
      if (inside.startsWith("..")) broken.push({ page, link, why: "outside the site's folder" });
      else if (!existsSync(target) || !statSync(target).isFile()) broken.push({ page, link, why: "no such file" });
      else if (anchor !== undefined && !ids.get(inside.split(sep).join("/"))?.has(anchor)) broken.push({ page, link, why: "no such anchor" });
    }
  }
  return { pages, broken, followed };
}


/** A plain static file server on 127.0.0.1, as any web server would serve the folder: no server code of ours. */
export async function staticServer(dir: string): Promise<{ readonly url: string; readonly server: Server }> {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? "/", "http://127.0.0.1").pathname);
    const file = resolve(dir, `.${path.endsWith("/") ? `${path}index.html` : path}`);
    if (relative(dir, file).startsWith("..") || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "content-type": CONTENT_TYPES[extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server };
}
