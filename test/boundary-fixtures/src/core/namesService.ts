// boundary: core names the Apps Script service PropertiesService
export const read = () => PropertiesService.getDocumentProperties().getProperties();
