// boundary: addon names the Apps Script service MailApp
export const quota = () => MailApp.getRemainingDailyQuota();
