/** The client side of HtmlService: https://developers.google.com/apps-script/guides/html/reference/run */
declare namespace google.script {
  interface Runner {
    withSuccessHandler(handler: (result: any, userObject?: any) => void): Runner;
    withFailureHandler(handler: (error: Error, userObject?: any) => void): Runner;
    withUserObject(object: any): Runner;
    [serverFunction: string]: any;
  }
  const run: Runner;
  const host: { close(): void; setHeight(h: number): void; setWidth(w: number): void; editor: { focus(): void } };
}
